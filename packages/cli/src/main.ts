import { Command, CommanderError } from 'commander';
import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from './cli-io.js';
import { exitCodes } from './exit-codes.js';

/** With DAX_DEBUG=1 an operator sees the underlying cause on stderr (never shown otherwise). */
function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
}

export interface GlobalOptions {
  readonly config?: string;
  readonly dataDir?: string;
  readonly policies?: string;
}

/** A command's action: returns the process exit code. */
export type CommandAction = (io: CliIo, globals: GlobalOptions) => Promise<number>;

function collectGlobals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/**
 * Declares every command in one place (with descriptions and examples) and loads
 * each implementation lazily. Only `bin.ts` turns the returned code into an exit.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command('dax')
    .description('Dax: a governance gateway for LLM work. Every intent passes fourteen governed layers.')
    .option('--config <path>', 'layer configuration file (default: $DAX_CONFIG, ./config/layers.json, bundled)')
    .option('--policies <dir>', 'Cedar policy directory (default: $DAX_POLICIES_DIR, beside the config)')
    .option('--data-dir <dir>', 'data directory of the embedded store (default: $DAX_DATA_DIR or ~/.dax)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run "dax --help" for usage)');

  const bind =
    (load: () => Promise<{ default: (...args: never[]) => CommandAction }>) =>
    (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const globals = collectGlobals(command);
      return load().then(async (module) => {
        const action = (module.default as (...actionArgs: unknown[]) => CommandAction)(...args.slice(0, -1));
        exitCode = await action(io, globals);
      });
    };

  program
    .command('run')
    .description('run an intent through the fourteen governed layers')
    .argument('[intent...]', 'the intent text (or read from standard input)')
    .option('--json', 'print one JSON result')
    .option('--ndjson', 'print the event stream, one JSON event per line')
    .option('--include-reasons', 'ask each layer for {output, reason} JSON')
    .option('--provider <provider>', 'offline | scripted:<file> | a provider id (xai, openai, anthropic, local)')
    .option('--domain <domain>', 'policy domain of the run', 'default')
    .addHelpText('after', '\nExamples:\n  dax run "Draft a polite reply thanking Dana for the Q3 report"\n  dax run --json --provider scripted:drill.json "Wire 2,500 EUR to ACME"')
    .action(bind(() => import('./commands/run-command.js')));

  program
    .command('validate')
    .description('grade an intent with the deterministic guards only (no model)')
    .argument('[text...]', 'the text (or read from standard input)')
    .option('--json', 'print {risk, gate, decision, ruleIds, findings}')
    .option('--domain <domain>', 'policy domain', 'default')
    .action(bind(() => import('./commands/validate-command.js')));

  program
    .command('redact')
    .description('replace personal data and secrets with typed placeholders')
    .argument('[text...]', 'the text (or read from standard input)')
    .option('--json', 'print {redacted, findings: [{type, start, end}]}')
    .action(bind(() => import('./commands/redact-command.js')));

  program
    .command('drift')
    .description('check a candidate text against what an intent stated')
    .requiredOption('--intent <text>', 'the original intent')
    .requiredOption('--candidate <text>', 'the later text to check')
    .option('--json', 'print {drift, changes: [{kind, expected, found}]}')
    .action(bind(() => import('./commands/drift-command.js')));

  const runs = program.command('runs').description('inspect stored runs');
  runs
    .command('list')
    .description('list recent runs, newest first')
    .option('--status <status>', 'only runs with this status')
    .option('--limit <n>', 'how many', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/runs-list-command.js')));
  runs
    .command('show')
    .description('show one run with its trace')
    .argument('<runId>', 'the run id')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/runs-show-command.js')));

  const config = program.command('config').description('work with the layer configuration');
  config
    .command('validate')
    .description('validate a layer file and the policy directory')
    .argument('[path]', 'layer file (default: the active configuration)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-validate-command.js')));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (io.env.DAX_DEBUG === '1') writeLine(io.stderr, describeCause(error));
    if (DaxError.isInstance(error)) {
      writeLine(io.stderr, `dax: ${error.code}: ${error.message}`);
      return error.code === 'DAX_E_USAGE' || error.code === 'DAX_E_INPUT_INVALID' || error.code === 'DAX_E_INPUT_TOO_LARGE'
        ? exitCodes.usage
        : exitCodes.failure;
    }
    writeLine(io.stderr, 'dax: DAX_E_INTERNAL: An internal error occurred.');
    return exitCodes.failure;
  }
}
