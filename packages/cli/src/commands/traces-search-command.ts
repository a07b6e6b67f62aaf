import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { printTracePage } from '../print-trace-page.js';
import { parseLimit, traceFiltersOf, type TraceFilterOptions } from '../trace-filter-options.js';
import { openTraceSession } from '../trace-session.js';

interface Options extends TraceFilterOptions {
  readonly limit: string;
  readonly cursor?: string;
  readonly json?: boolean;
  readonly url?: string;
  readonly tenant?: string;
}

export default function tracesSearchCommand(options: Options): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const filters = traceFiltersOf(options);
    const limit = parseLimit(options.limit);
    const session = await openTraceSession(io, globals, options);
    try {
      const page = await session.search(filters, limit, options.cursor);
      printTracePage(io, page, options.json === true, (cursor) => `dax traces search … --cursor ${cursor}`);
      return exitCodes.ok;
    } finally {
      await session.close();
    }
  };
}
