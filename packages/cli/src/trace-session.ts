import { DaxError, savedViewSchema, tracePageSchema, type SavedView, type TracePage, type TraceSearchFilters } from '@dax/protocol';
import { openSqliteStore, resolveDataDir, savedViewStoreFor, traceSearchFor } from '@dax/store';
import { z } from 'zod';
import type { CliIo } from './cli-io.js';
import type { GlobalOptions } from './main.js';
import { problemError } from './remote-problem.js';
import { remoteTarget, type RemoteTarget } from './remote-target.js';

/** Trace search and saved views, on the embedded store (one tenant) or through a gateway (the key's tenant). */
export interface TraceSession {
  search(filters: TraceSearchFilters, limit: number, cursor?: string): Promise<TracePage>;
  saveView(name: string, filters: TraceSearchFilters): Promise<SavedView>;
  listViews(): Promise<SavedView[]>;
  runView(idOrName: string, limit: number, cursor?: string): Promise<TracePage>;
  deleteView(idOrName: string): Promise<void>;
  close(): Promise<void>;
}

export interface TraceSessionOptions {
  readonly url?: string;
  /** Local mode only: the tenant whose runs are searched (default `default`). */
  readonly tenant?: string;
}

const viewListSchema = z.object({ views: z.array(savedViewSchema) });

function unexpectedBody(cause?: unknown): DaxError {
  return new DaxError('DAX_E_INTERNAL', { detail: 'The gateway answered with an unexpected body: is --url a Dax gateway?', cause });
}

function remoteSession(target: RemoteTarget): TraceSession {
  const send = async <T>(path: string, schema: z.ZodType<T> | undefined, init: RequestInit = {}): Promise<T> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${target.apiKey}`);
    headers.set('accept', 'application/json');
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await fetch(`${target.baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      throw new DaxError('DAX_E_NOT_READY', { detail: `Could not reach the gateway at ${target.baseUrl}.`, cause: error });
    }
    if (!response.ok) throw problemError(response.status, await response.json().catch(() => undefined));
    if (schema === undefined) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch((error: unknown) => Promise.reject(unexpectedBody(error))));
    if (!parsed.success) throw unexpectedBody(parsed.error);
    return parsed.data;
  };
  const pageQuery = (limit: number, cursor: string | undefined): string =>
    new URLSearchParams({ limit: String(limit), ...(cursor === undefined ? {} : { cursor }) }).toString();
  return {
    search: (filters, limit, cursor) => {
      const query = new URLSearchParams(Object.entries(filters).map(([key, value]): [string, string] => [key, String(value)]));
      query.set('limit', String(limit));
      if (cursor !== undefined) query.set('cursor', cursor);
      return send(`/v1/traces?${query.toString()}`, tracePageSchema);
    },
    saveView: (name, filters) => send('/v1/views', savedViewSchema, { method: 'POST', body: JSON.stringify({ name, filters }) }),
    listViews: async () => (await send('/v1/views', viewListSchema)).views,
    runView: (idOrName, limit, cursor) => send(`/v1/views/${encodeURIComponent(idOrName)}/runs?${pageQuery(limit, cursor)}`, tracePageSchema),
    deleteView: (idOrName) => send(`/v1/views/${encodeURIComponent(idOrName)}`, undefined, { method: 'DELETE' }),
    close: () => Promise.resolve(),
  };
}

async function localSession(io: CliIo, globals: GlobalOptions, tenant: string): Promise<TraceSession> {
  const store = await openSqliteStore({ dataDir: globals.dataDir ?? resolveDataDir(io.env) });
  const search = traceSearchFor(store);
  const views = savedViewStoreFor(store);
  const viewOf = async (idOrName: string): Promise<SavedView> => {
    const view = await views.get(tenant, idOrName);
    if (view === undefined) throw new DaxError('DAX_E_VIEW_NOT_FOUND', { detail: 'List the saved views with: dax views list' });
    return view;
  };
  return {
    search: (filters, limit, cursor) => search.search({ tenant, filters, limit, ...(cursor === undefined ? {} : { cursor }) }),
    saveView: (name, filters) => views.create({ tenant, name, filters, createdBy: 'local' }),
    listViews: () => views.list(tenant),
    runView: async (idOrName, limit, cursor) =>
      search.search({ tenant, filters: (await viewOf(idOrName)).filters, limit, ...(cursor === undefined ? {} : { cursor }) }),
    deleteView: async (idOrName) => {
      await views.delete(tenant, (await viewOf(idOrName)).viewId);
    },
    close: () => store.close(),
  };
}

/** A gateway session when `--url` or `$DAX_URL` names one, else the embedded store. */
export function openTraceSession(io: CliIo, globals: GlobalOptions, options: TraceSessionOptions): Promise<TraceSession> {
  const target = remoteTarget(io, options.url);
  if (target === undefined) return localSession(io, globals, options.tenant ?? 'default');
  if (options.tenant !== undefined) {
    throw new DaxError('DAX_E_USAGE', { detail: '--tenant works in local mode only: through a gateway, the API key decides the tenant.' });
  }
  return Promise.resolve(remoteSession(target));
}
