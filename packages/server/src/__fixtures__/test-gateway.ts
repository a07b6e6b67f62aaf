import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { createApiKey } from '../api-key-create.js';
import { createGateway } from '../create-gateway.js';
import { parseGatewayConfig, type GatewayConfigInput } from '../gateway-config.js';
import type { Role } from '../identity.js';

export interface TestGateway {
  readonly app: FastifyInstance;
  readonly store: KyselyRunStore;
  /** `http(s)://127.0.0.1:<port>` once listening; empty for inject-only gateways. */
  readonly baseUrl: string;
  /** Everything logged so far. */
  logs(): string;
  /** A fresh API key of the tenant with the roles. */
  keyFor(tenant: string, roles?: Role[]): Promise<string>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly config?: GatewayConfigInput;
  /** A scripted-provider script (written to a temp file); default the offline provider. */
  readonly script?: Record<string, unknown>;
  /** Listen on 127.0.0.1 and a free port. */
  readonly listen?: boolean;
  /** Environment for `OTEL_*` tracing settings; default none (tracing off). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A gateway over an in-memory store, with captured logs. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const store = await openMemoryStore();
  const logStream = new PassThrough();
  let logged = '';
  logStream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
  let provider = 'offline';
  if (options.script !== undefined) {
    const file = join(mkdtempSync(join(tmpdir(), 'dax-gateway-script-')), 'script.json');
    writeFileSync(file, JSON.stringify(options.script));
    provider = `scripted:${file}`;
  }
  const config = parseGatewayConfig({ provider, ...options.config });
  const app = await createGateway({ config, store, logStream, env: options.env ?? {} });
  // Fastify answers the address it listens on, scheme included (https with TLS).
  const baseUrl = options.listen === true ? await app.listen({ host: '127.0.0.1', port: 0 }) : '';
  return {
    app,
    store,
    baseUrl,
    logs: () => logged,
    keyFor: async (tenant, roles = ['caller']) => (await createApiKey(store, { tenant, roles })).key,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export interface SseMessage {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

/** Parses SSE text into messages (comments skipped). */
export function parseSse(text: string): SseMessage[] {
  const messages: SseMessage[] = [];
  for (const block of text.split('\n\n')) {
    let id: string | undefined;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) messages.push({ ...(id === undefined ? {} : { id }), ...(event === undefined ? {} : { event }), data: data.join('\n') });
  }
  return messages;
}

/**
 * Reads an SSE response until `stop` says so (then cancels: the client goes away)
 * or the stream ends. Returns the messages read.
 */
export async function readSse(response: Response, stop: (messages: readonly SseMessage[]) => boolean = () => false): Promise<SseMessage[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parseSse(text);
    text += decoder.decode(value, { stream: true });
    const complete = text.slice(0, text.lastIndexOf('\n\n') + 2);
    const messages = parseSse(complete);
    if (stop(messages)) {
      await reader.cancel();
      return messages;
    }
  }
}
