/** One server-sent event message. */
export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly id: string | undefined;
  readonly data: string;
}

const lineBreak = /\r\n|\r|\n/;
const leadingSpace = /^ /;

/**
 * Reads a `text/event-stream` body message by message (comment lines and empty
 * messages are skipped), per the HTML server-sent events format: `id` is the last
 * event id seen so far, which carries over to messages without one.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event: string | undefined;
  let id: string | undefined;
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A trailing \r may be the first half of \r\n: hold it back until the next chunk.
      const heldBack = !done && buffer.endsWith('\r') ? '\r' : '';
      const lines = (heldBack === '' ? buffer : buffer.slice(0, -1)).split(lineBreak);
      // The last piece is an incomplete line unless the body ended.
      buffer = done ? '' : (lines.pop() ?? '') + heldBack;
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { event, id, data: data.join('\n') };
          event = undefined;
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(leadingSpace, '');
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        else if (field === 'id') id = value;
      }
      if (done) {
        if (data.length > 0) yield { event, id, data: data.join('\n') };
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
