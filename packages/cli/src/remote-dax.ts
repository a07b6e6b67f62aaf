import type { IntentValidation, RunListPage, RunListQuery, RunRequest } from '@dax/core';
import { DaxError, intentValidationSchema, runResultSchema, runSummarySchema, type RunEvent, type RunResult } from '@dax/protocol';
import { z } from 'zod';
import { problemError } from './remote-problem.js';
import { readServerSentEvents } from './remote-sse.js';
import type { RemoteTarget } from './remote-target.js';

const runListPageSchema = z.object({ runs: z.array(runSummarySchema), nextCursor: z.string().optional() });
const runEventTypes: ReadonlySet<string> = new Set(['run-start', 'layer-start', 'guard-finding', 'layer-end', 'run-end']);
const runEventShape = z.looseObject({ type: z.string(), runId: z.string(), seq: z.number().int() });

/** The gateway operations the remote CLI uses, shaped like the embedded runtime's. */
export interface RemoteDax {
  run(request: RunRequest): Promise<RunResult>;
  getRun(runId: string): Promise<RunResult | undefined>;
  listRuns(query: RunListQuery): Promise<RunListPage>;
  validate(text: string, context?: { domain?: string }): Promise<IntentValidation>;
  close(): Promise<void>;
}

function unexpectedBody(cause?: unknown): DaxError {
  return new DaxError('DAX_E_INTERNAL', { detail: 'The gateway answered with an unexpected body: is --url a Dax gateway?', cause });
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw unexpectedBody(error);
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw unexpectedBody(result.error);
  return result.data;
}

/** Throws the gateway's problem as the matching DaxError when the answer is not a success. */
async function ensureOk(response: Response): Promise<void> {
  if (response.ok) return;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  throw problemError(response.status, body);
}

/**
 * Talks to a Dax gateway over HTTP with an API key: `POST /v1/runs` (with live
 * events as server-sent events when the caller listens), `GET /v1/runs[/:id]` and
 * `POST /v1/validate`. Failures become the same DaxErrors a local run throws.
 */
export function createRemoteDax(target: RemoteTarget, fetchImplementation: typeof fetch = fetch): RemoteDax {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${target.apiKey}`);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    try {
      return await fetchImplementation(`${target.baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      throw new DaxError('DAX_E_NOT_READY', { detail: `Could not reach the gateway at ${target.baseUrl}.`, cause: error });
    }
  };

  const streamRun = async (response: Response, onEvent: (event: RunEvent) => void): Promise<RunResult> => {
    if (response.body === null) throw unexpectedBody();
    let runId: string | undefined;
    for await (const message of readServerSentEvents(response.body)) {
      let data: unknown;
      try {
        data = JSON.parse(message.data) as unknown;
      } catch (error) {
        throw unexpectedBody(error);
      }
      if (message.event === 'error') {
        const status = typeof (data as { status?: unknown }).status === 'number' ? (data as { status: number }).status : 500;
        throw problemError(status, data);
      }
      if (message.event !== undefined && !runEventTypes.has(message.event)) continue;
      const event = parsed(runEventShape, data) as unknown as RunEvent;
      runId ??= event.runId;
      onEvent(event);
      if (event.type === 'run-end') return parsed(runResultSchema, event.result);
    }
    throw new DaxError('DAX_E_INTERNAL', {
      detail: `The gateway closed the event stream before the run ended.${runId === undefined ? '' : ` See: dax runs show ${runId}`}`,
    });
  };

  return {
    async run(request) {
      const body = JSON.stringify({
        input: request.input,
        ...(request.domain === undefined ? {} : { domain: request.domain }),
        ...(request.includeReasons === undefined ? {} : { includeReasons: request.includeReasons }),
        ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
        ...(request.subjectId === undefined ? {} : { subjectId: request.subjectId }),
      });
      const onEvent = request.onEvent;
      const response = await send('/v1/runs', {
        method: 'POST',
        body,
        ...(onEvent === undefined ? {} : { headers: { accept: 'text/event-stream' } }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      await ensureOk(response);
      if (onEvent !== undefined && (response.headers.get('content-type') ?? '').includes('text/event-stream')) return streamRun(response, onEvent);
      return parsed(runResultSchema, await jsonOf(response));
    },
    async getRun(runId) {
      const response = await send(`/v1/runs/${encodeURIComponent(runId)}`);
      if (response.status === 404) {
        const error = problemError(404, await jsonOf(response).catch(() => undefined));
        if (error.code === 'DAX_E_RUN_NOT_FOUND') return undefined;
        throw error;
      }
      await ensureOk(response);
      const body = await jsonOf(response);
      // A run still in progress has no result yet, as in local mode.
      if ((body as { status?: unknown }).status === 'running') return undefined;
      return parsed(runResultSchema, body);
    },
    async listRuns(query) {
      const search = new URLSearchParams({ limit: String(query.limit) });
      if (query.status !== undefined) search.set('status', query.status);
      if (query.cursor !== undefined) search.set('cursor', query.cursor);
      const response = await send(`/v1/runs?${search.toString()}`);
      await ensureOk(response);
      return parsed(runListPageSchema, await jsonOf(response));
    },
    async validate(text, context = {}) {
      const response = await send('/v1/validate', {
        method: 'POST',
        body: JSON.stringify({ input: text, ...(context.domain === undefined ? {} : { domain: context.domain }) }),
      });
      await ensureOk(response);
      return parsed(intentValidationSchema, await jsonOf(response));
    },
    close: () => Promise.resolve(),
  };
}
