import { describe, expect, it } from 'vitest';
import { ChatEventStream } from './chat-event-stream.js';

async function collect(stream: ChatEventStream): Promise<string> {
  let text = '';
  for await (const chunk of stream.body) text += (chunk as Buffer).toString('utf8');
  return text;
}

describe('ChatEventStream', () => {
  it('frames JSON data, comments and the closing [DONE] as server-sent events', async () => {
    const stream = new ChatEventStream();
    const text = collect(stream);
    stream.data({ a: 'line one\nline two' });
    stream.comment('DA-13 ok');
    stream.done();
    expect(await text).toBe('data: {"a":"line one\\nline two"}\n\n: DA-13 ok\n\ndata: [DONE]\n\n');
  });

  it('drops writes once the stream is finished or destroyed', async () => {
    const stream = new ChatEventStream();
    const text = collect(stream);
    stream.done();
    stream.data({ late: true });
    stream.done();
    expect(await text).toBe('data: [DONE]\n\n');
    const gone = new ChatEventStream();
    gone.body.destroy();
    expect(() => gone.data({ late: true })).not.toThrow();
  });
});

describe('ChatEventStream heartbeat', () => {
  it('sends keep-alive comments while the run is going', async () => {
    const stream = new ChatEventStream(5);
    let text = '';
    stream.body.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (text.includes(': keep-alive\n\n')) {
          clearInterval(check);
          resolve();
        }
      }, 1);
    });
    stream.done();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });
});
