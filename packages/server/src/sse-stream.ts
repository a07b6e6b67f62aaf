import type { RunEvent } from '@dax/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemDetails } from './problem-details.js';

/** One run event as an SSE message: `id` is the event's sequence number, `event` its type. */
export function formatSseEvent(event: RunEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A failure after the stream started, as an SSE `error` message (no id: it is not a run event). */
export function formatSseError(problem: ProblemDetails): string {
  return `event: error\ndata: ${JSON.stringify(problem)}\n\n`;
}

export interface SseStream {
  /** True once the client has gone or `end` was called. */
  readonly closed: boolean;
  send(event: RunEvent): void;
  sendError(problem: ProblemDetails): void;
  /** Calls `listener` once when the client disconnects or the stream ends. */
  /** Calls `listener` when the stream closes; returns a function that removes it. */
  onClose(listener: () => void): () => void;
  end(): void;
}

export interface SseStreamOptions {
  /** Comment lines keep proxies from timing the stream out; default 15 s. */
  readonly heartbeatMs?: number;
}

/** The `Last-Event-ID` header as a sequence number (0 when absent or not a number). */
export function lastEventIdOf(request: FastifyRequest): number {
  const header = request.headers['last-event-id'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return 0;
  return Number(value.trim());
}

/** Whether the client asked for an event stream. */
export function wantsEventStream(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/event-stream');
}

/**
 * Takes the response over from Fastify and opens a `text/event-stream`. Headers
 * already set on the reply (request id, security, CORS) are kept.
 */
export function openSseStream(reply: FastifyReply, options: SseStreamOptions = {}): SseStream {
  reply.hijack();
  const raw = reply.raw;
  const headers: Record<string, string | number | readonly string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write(': stream open\n\n');

  let closed = false;
  const listeners: (() => void)[] = [];
  const heartbeat = setInterval(() => {
    if (!closed) raw.write(': keep-alive\n\n');
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const listener of listeners.splice(0)) listener();
  };
  // The response's close (not the request's, which fires once the body is read) marks a client gone.
  raw.once('close', close);

  return {
    get closed() {
      return closed;
    },
    send(event) {
      if (!closed) raw.write(formatSseEvent(event));
    },
    sendError(problem) {
      if (!closed) raw.write(formatSseError(problem));
    },
    onClose(listener) {
      if (closed) {
        listener();
        return () => undefined;
      }
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    end() {
      if (closed) return;
      close();
      raw.end();
    },
  };
}
