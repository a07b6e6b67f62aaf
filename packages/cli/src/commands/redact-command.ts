import { redactText } from '@dax/guards';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction } from '../main.js';
import { readTextArgument } from '../read-text-argument.js';

export default function redactCommand(words: string[], options: { json?: boolean }): CommandAction {
  return async (io: CliIo) => {
    const text = await readTextArgument(words, io, 'text');
    const result = redactText(text);
    if (options.json === true) {
      writeLine(
        io.stdout,
        JSON.stringify({ redacted: result.text, findings: result.spans.map(({ type, start, end }) => ({ type, start, end })) }, null, 2),
      );
    } else {
      writeLine(io.stdout, result.text);
    }
    return exitCodes.ok;
  };
}
