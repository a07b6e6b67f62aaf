import { PassThrough } from 'node:stream';

/**
 * The body of a streamed chat completion: server-sent `data:` messages of JSON, comment
 * lines as progress and keep-alive (OpenAI clients skip them), and the closing `[DONE]`.
 * Writes after the client has gone are dropped.
 */
export class ChatEventStream {
  readonly body = new PassThrough();
  readonly #heartbeat: NodeJS.Timeout;

  /** `heartbeatMs`: a keep-alive comment this often, so proxies do not time out a long run. */
  constructor(heartbeatMs = 15_000) {
    this.#heartbeat = setInterval(() => this.comment('keep-alive'), heartbeatMs);
    this.#heartbeat.unref();
    this.body.once('close', () => clearInterval(this.#heartbeat));
  }

  #write(text: string): void {
    if (!this.body.destroyed && !this.body.writableEnded) this.body.write(text);
  }

  data(value: unknown): void {
    this.#write(`data: ${JSON.stringify(value)}\n\n`);
  }

  /** A comment line; `text` must be one line without personal data. */
  comment(text: string): void {
    this.#write(`: ${text}\n\n`);
  }

  done(): void {
    clearInterval(this.#heartbeat);
    this.#write('data: [DONE]\n\n');
    if (!this.body.destroyed && !this.body.writableEnded) this.body.end();
  }
}
