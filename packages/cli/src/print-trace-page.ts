import type { TracePage } from '@dax/protocol';
import { type CliIo, writeLine } from './cli-io.js';

/** Prints a page of search hits (JSON, or one line a run) and how to get the next page. */
export function printTracePage(io: CliIo, page: TracePage, json: boolean, nextCommand: (cursor: string) => string): void {
  if (json) {
    writeLine(io.stdout, JSON.stringify(page, null, 2));
    return;
  }
  if (page.runs.length === 0) writeLine(io.stdout, 'no matching runs');
  for (const run of page.runs) {
    writeLine(io.stdout, `${run.runId}  ${run.status.padEnd(17)} ${run.risk}  ${run.domain.padEnd(10)} gate:${run.gateState.padEnd(9)} ${run.startedAt}  ${run.model}`);
  }
  if (page.nextCursor !== undefined) writeLine(io.stdout, `more: ${nextCommand(page.nextCursor)}`);
}
