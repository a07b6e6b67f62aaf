import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { hasApiKey } from './has-api-key.js';
import { malformedAnswerError } from './malformed-answer-error.js';
import { missingKeyError } from './missing-key-error.js';
import { modelUsageOf } from './model-usage-of.js';
import { openAiChatResponseSchema } from './openai-chat-response.js';
import { fetchTransport } from './fetch-transport.js';
import type { HttpTransport } from './http-transport.js';
import { postJson } from './post-json.js';
import { trimTrailingSlashes } from './trim-trailing-slashes.js';

export interface OpenAiCompatibleProviderOptions {
  readonly id: string;
  /** Defaults to xAI (`https://api.x.ai/v1`); OpenAI, vLLM, Ollama and llama.cpp servers work too. */
  readonly baseUrl?: string;
  /** Default model when a reference names none. Defaults to `grok-4`. */
  readonly model?: string;
  readonly apiKey: string | undefined;
  /** Set false for local servers that take no key; then no Authorization header is sent. */
  readonly requireApiKey?: boolean;
  /** How requests are sent; defaults to the global `fetch`. */
  readonly transport?: HttpTransport;
  /** Extra request headers (for example an organisation id). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A provider for any server speaking the OpenAI `chat/completions` protocol. */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleProviderOptions): ModelProvider {
  const id = options.id;
  const url = `${trimTrailingSlashes(options.baseUrl ?? 'https://api.x.ai/v1')}/chat/completions`;
  const transport = options.transport ?? fetchTransport();
  const requireApiKey = options.requireApiKey ?? true;
  const apiKey = hasApiKey(options.apiKey) ? options.apiKey.trim() : undefined;
  const headers: Readonly<Record<string, string>> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...options.headers,
    ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
  };

  async function call(request: ModelCallRequest): Promise<ModelCallResult> {
    if (apiKey === undefined && requireApiKey) throw missingKeyError(id);
    const answer = await postJson({
      transport,
      url,
      headers,
      body: {
        model: request.model,
        messages: [{ role: 'user', content: request.prompt }],
        temperature: request.temperature,
        max_tokens: request.maxTokens,
        ...(request.json ? { response_format: { type: 'json_object' } } : {}),
      },
      signal: request.signal,
      providerId: id,
    });
    const parsed = openAiChatResponseSchema.safeParse(answer);
    if (!parsed.success) throw malformedAnswerError(id);
    const text = parsed.data.choices[0]?.message.content ?? '';
    const usage = parsed.data.usage ?? undefined;
    return {
      text,
      model: parsed.data.model ?? request.model,
      usage: modelUsageOf(usage?.prompt_tokens, usage?.completion_tokens, request.prompt, text),
    };
  }

  return { id, kind: 'openai-compatible', defaultModel: options.model ?? 'grok-4', call };
}
