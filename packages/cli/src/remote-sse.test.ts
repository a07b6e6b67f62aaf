import { describe, expect, it } from 'vitest';
import { readServerSentEvents, type ServerSentEvent } from './remote-sse.js';

function bodyOf(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function collect(pieces: string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(bodyOf(pieces))) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  it('reads id, event and data fields and skips comments', async () => {
    expect(await collect([': stream open\n\n', 'id: 1\nevent: run-start\ndata: {"seq":1}\n\n', ': keep-alive\n\n'])).toEqual([
      { id: '1', event: 'run-start', data: '{"seq":1}' },
    ]);
  });

  it('joins messages split across chunks, multi-line data and CRLF line ends (even split between \\r and \\n)', async () => {
    expect(await collect(['id: 2\nevent: layer-', 'end\ndata: {"a":', '1}\n', '\nevent: error\r', '\ndata: line one\r\ndata: line two\r\n\r', '\n'])).toEqual([
      { id: '2', event: 'layer-end', data: '{"a":1}' },
      // The last event id carries over, as in the server-sent events format.
      { id: '2', event: 'error', data: 'line one\nline two' },
    ]);
  });

  it('delivers a last message that lacks its closing blank line', async () => {
    expect(await collect(['data: tail'])).toEqual([{ id: undefined, event: undefined, data: 'tail' }]);
  });
});
