import { DaxError } from '@dax/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RunEventHub } from './run-event-hub.js';
import { openSseStream, type SseStream } from './sse-stream.js';

export interface RunEventsTarget {
  readonly runId: string;
  readonly tenant: string;
  /** The client's `Last-Event-ID`: only events after it are sent. */
  readonly afterSeq: number;
}

/** How often a run executing in another process is checked for stored events. */
const pollIntervalMs = 500;

/** Follows a live run until it ends (resolves) or the client leaves. */
function follow(hub: RunEventHub, stream: SseStream, target: RunEventsTarget): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = hub.subscribe(target.runId, target.tenant, target.afterSeq, { event: (event) => stream.send(event), end: resolve });
    if (unsubscribe === undefined) {
      resolve();
      return;
    }
    stream.onClose(() => {
      unsubscribe();
      resolve();
    });
  });
}

function pause(stream: SseStream): Promise<void> {
  return new Promise((resolve) => {
    const stopListening = stream.onClose(() => {
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, pollIntervalMs);
  });
}

/**
 * Streams a run's events after the client's `Last-Event-ID`, with no gap and no
 * repeat: a run live in this process is followed through the hub (its buffered
 * events, then live ones, until it ends); a finished run is replayed from the
 * store; a run still starting or executing elsewhere is polled in the store. An
 * unknown run, or another tenant's, is `DAX_E_RUN_NOT_FOUND` before the stream opens.
 */
export async function streamRunEvents(fastify: FastifyInstance, reply: FastifyReply, target: RunEventsTarget): Promise<void> {
  let afterSeq = target.afterSeq;
  let stream: SseStream | undefined;
  const open = (): SseStream => (stream ??= openSseStream(reply));
  for (;;) {
    // The hub is checked before the store: a run leaves the hub only after its events are stored.
    if (fastify.runHub.isLive(target.runId, target.tenant)) {
      const live = open();
      await follow(fastify.runHub, live, { ...target, afterSeq });
      live.end();
      return;
    }
    const status = await fastify.store.getRunStatus(target.runId, target.tenant);
    if (status === undefined) {
      if (stream === undefined) throw new DaxError('DAX_E_RUN_NOT_FOUND');
      stream.end();
      return;
    }
    const events = await fastify.runEvents.listEvents(target.runId, target.tenant, afterSeq);
    const replay = open();
    let ended = false;
    for (const event of events) {
      replay.send(event);
      afterSeq = event.seq;
      ended ||= event.type === 'run-end';
    }
    if (ended || status.status !== 'running' || replay.closed || fastify.shutdown.draining) {
      replay.end();
      return;
    }
    await pause(replay);
  }
}
