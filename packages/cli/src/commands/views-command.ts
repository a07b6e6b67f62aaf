import { DaxError, savedViewNameSchema } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { printTracePage } from '../print-trace-page.js';
import { parseLimit, traceFiltersOf, type TraceFilterOptions } from '../trace-filter-options.js';
import { openTraceSession, type TraceSession } from '../trace-session.js';

interface SessionOptions {
  readonly json?: boolean;
  readonly url?: string;
  readonly tenant?: string;
}

async function withSession(io: CliIo, globals: GlobalOptions, options: SessionOptions, work: (session: TraceSession) => Promise<void>): Promise<number> {
  const session = await openTraceSession(io, globals, options);
  try {
    await work(session);
    return exitCodes.ok;
  } finally {
    await session.close();
  }
}

/** `dax views save <name> [filters]`. */
export function viewsSaveCommand(name: string, options: TraceFilterOptions & SessionOptions): CommandAction {
  return (io, globals) => {
    if (!savedViewNameSchema.safeParse(name).success) {
      throw new DaxError('DAX_E_USAGE', { detail: 'A view name is 1-80 letters, digits, spaces or . _ : - and starts with a letter or digit.' });
    }
    const filters = traceFiltersOf(options);
    return withSession(io, globals, options, async (session) => {
      const view = await session.saveView(name, filters);
      if (options.json === true) writeLine(io.stdout, JSON.stringify(view, null, 2));
      else writeLine(io.stdout, `saved ${view.viewId} "${view.name}": run it with dax views run "${view.name}"`);
    });
  };
}

/** `dax views list`. */
export function viewsListCommand(options: SessionOptions): CommandAction {
  return (io, globals) =>
    withSession(io, globals, options, async (session) => {
      const views = await session.listViews();
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify({ views }, null, 2));
        return;
      }
      if (views.length === 0) writeLine(io.stdout, 'no saved views: try dax views save "<name>" --status failed');
      for (const view of views) writeLine(io.stdout, `${view.viewId}  ${view.name.padEnd(24)} ${JSON.stringify(view.filters)}`);
    });
}

/** `dax views run <view>`. */
export function viewsRunCommand(view: string, options: SessionOptions & { readonly limit: string; readonly cursor?: string }): CommandAction {
  return (io, globals) => {
    const limit = parseLimit(options.limit);
    return withSession(io, globals, options, async (session) => {
      const page = await session.runView(view, limit, options.cursor);
      printTracePage(io, page, options.json === true, (cursor) => `dax views run "${view}" --cursor ${cursor}`);
    });
  };
}

/** `dax views delete <view>`. */
export function viewsDeleteCommand(view: string, options: SessionOptions): CommandAction {
  return (io, globals) =>
    withSession(io, globals, options, async (session) => {
      await session.deleteView(view);
      if (options.json === true) writeLine(io.stdout, JSON.stringify({ deleted: view }));
      else writeLine(io.stdout, `deleted view "${view}"`);
    });
}
