import type { RunEvent, RunResult } from '@dax/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse, startTestGateway, type SseMessage, type TestGateway } from './__fixtures__/test-gateway.js';

const slowLayer = { fault: 'slow', delayMs: 60 };
/** Every layer waits a little, so a run stays live long enough to reconnect to it. */
const slowScript = Object.fromEntries(['DA-12', 'DA-10', 'DA-8', 'DA-6', 'DA-4', 'DA-2', 'DA-1'].map((layer) => [layer, slowLayer]));

function eventsOf(messages: readonly SseMessage[]): RunEvent[] {
  return messages.filter((message) => message.id !== undefined).map((message) => JSON.parse(message.data) as RunEvent);
}

function expectWholeStream(events: readonly RunEvent[]): void {
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  expect(events[0]?.type).toBe('run-start');
  expect(events.at(-1)?.type).toBe('run-end');
  expect(events.filter((event) => event.type === 'layer-end')).toHaveLength(14);
}

describe('server-sent events', () => {
  let gateway: TestGateway;
  let auth: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway({ listen: true, script: slowScript });
    auth = { authorization: `Bearer ${await gateway.keyFor('acme')}`, 'content-type': 'application/json' };
  });
  afterAll(() => gateway.close());

  const startStreaming = (input: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.baseUrl}/v1/runs`, {
      method: 'POST',
      headers: { ...auth, accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ input }),
    });

  it('streams a run live, in order, with id = seq and event = type', async () => {
    const response = await startStreaming('Summarise the Q3 report');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-request-id')).not.toBeNull();
    const messages = await readSse(response);
    for (const message of messages) expect(message.event).toBe((JSON.parse(message.data) as RunEvent).type);
    expect(messages.map((message) => Number(message.id))).toEqual(messages.map((_, index) => index + 1));
    const events = eventsOf(messages);
    expectWholeStream(events);
    expect((events.at(-1) as Extract<RunEvent, { type: 'run-end' }>).result.status).toBe('approved');
  });

  it('resumes a dropped stream with Last-Event-ID without gaps or duplicates', async () => {
    const first = eventsOf(await readSse(await startStreaming('Draft a reply thanking Dana'), (messages) => messages.length >= 9));
    expect(first).toHaveLength(9);
    const runId = first[0]!.runId;
    const resumed = await fetch(`${gateway.baseUrl}/v1/runs/${runId}/events`, { headers: { ...auth, 'last-event-id': '9' } });
    expect(resumed.status).toBe(200);
    const rest = eventsOf(await readSse(resumed));
    expect(rest[0]?.seq).toBe(10);
    expectWholeStream([...first, ...rest]);
  });

  it('replays a finished run from the store, whole or after Last-Event-ID', async () => {
    const run = await fetch(`${gateway.baseUrl}/v1/runs`, { method: 'POST', headers: auth, body: JSON.stringify({ input: 'Wire 2,500 EUR to ACME' }) });
    const result = (await run.json()) as RunResult;
    expect(result.status).toBe('awaiting_approval');
    const whole = eventsOf(await readSse(await fetch(`${gateway.baseUrl}/v1/runs/${result.runId}/events`, { headers: auth })));
    expect(whole[0]?.type).toBe('run-start');
    // The paused run's stream ends with its run-end, then the human gate it opened.
    expect(whole.findLast((event) => event.type === 'run-end')).toMatchObject({ status: 'awaiting_approval' });
    expect(whole.at(-1)).toMatchObject({ type: 'gate-opened', status: 'opened' });
    expect(whole.map((event) => event.seq)).toEqual(whole.map((_, index) => index + 1));
    const tail = eventsOf(
      await readSse(await fetch(`${gateway.baseUrl}/v1/runs/${result.runId}/events`, { headers: { ...auth, 'last-event-id': String(whole.length - 2) } })),
    );
    expect(tail).toEqual(whole.slice(-2));
  });

  it('lets another client follow a live run from its first event, and the run outlives its caller', async () => {
    const [start] = eventsOf(await readSse(await startStreaming('Summarise the board minutes'), (messages) => messages.length >= 1));
    const runId = start!.runId;
    // Seven slow layers remain, so the run is still executing here.
    expect(gateway.app.runHub.isLive(runId, 'acme')).toBe(true);
    const follower = eventsOf(await readSse(await fetch(`${gateway.baseUrl}/v1/runs/${runId}/events`, { headers: auth })));
    expectWholeStream(follower);
    const stored = await fetch(`${gateway.baseUrl}/v1/runs/${runId}`, { headers: auth });
    expect(((await stored.json()) as RunResult).status).toBe('approved');
    expect(eventsOf(await readSse(await fetch(`${gateway.baseUrl}/v1/runs/${runId}/events`, { headers: auth })))).toEqual(follower);
  });

  it('replays the stored stream for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'stream-once' };
    const first = eventsOf(await readSse(await startStreaming('Summarise the audit notes', headers)));
    const again = eventsOf(await readSse(await startStreaming('Summarise the audit notes', headers)));
    expectWholeStream(first);
    expect(again).toEqual(first);
  });

  it('answers a refusal before the stream starts as problem+json', async () => {
    const response = await startStreaming('x'.repeat(40_000));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });
});
