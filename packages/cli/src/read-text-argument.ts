import { DaxError } from '@dax/protocol';
import { type CliIo, readAll } from './cli-io.js';

/** The text given as arguments, or standard input when none is given and stdin is not a terminal. */
export async function readTextArgument(words: readonly string[], io: CliIo, what: string): Promise<string> {
  if (words.length > 0) return words.join(' ');
  if (io.stdin.isTTY !== true) {
    const text = await readAll(io.stdin);
    if (text.trim().length > 0) return text.replace(/\n$/, '');
  }
  throw new DaxError('DAX_E_USAGE', { detail: `Give the ${what} as an argument or on standard input.` });
}
