import { PassThrough } from 'node:stream';
import { main } from '../main.js';

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `dax` command in-process with captured streams, exactly this environment and the given standard input. */
export async function runCli(args: string[], env: Readonly<Record<string, string | undefined>>, stdinText = ''): Promise<CliOutcome> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(stdinText);
  const code = await main(args, { stdout, stderr, stdin, env, cwd: process.cwd() });
  return { code, stdout: out, stderr: err };
}
