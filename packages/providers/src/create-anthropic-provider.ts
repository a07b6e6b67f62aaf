import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { anthropicMessagesResponseSchema, anthropicText } from './anthropic-messages-response.js';
import { hasApiKey } from './has-api-key.js';
import { malformedAnswerError } from './malformed-answer-error.js';
import { missingKeyError } from './missing-key-error.js';
import { modelUsageOf } from './model-usage-of.js';
import { fetchTransport } from './fetch-transport.js';
import type { HttpTransport } from './http-transport.js';
import { postJson } from './post-json.js';
import { trimTrailingSlashes } from './trim-trailing-slashes.js';

export interface AnthropicProviderOptions {
  readonly id: string;
  /** Defaults to `https://api.anthropic.com/v1`. */
  readonly baseUrl?: string;
  /** Default model when a reference names none. */
  readonly model: string;
  readonly apiKey: string | undefined;
  /** How requests are sent; defaults to the global `fetch`. */
  readonly transport?: HttpTransport;
  /** `max_tokens` when a layer sets none (the Messages API requires one). Defaults to 1024. */
  readonly defaultMaxTokens?: number;
}

const anthropicVersion = '2023-06-01';
/** The Messages API accepts temperatures from 0 to 1; Dax layers may set up to 2. */
const maxTemperature = 1;

/** A provider for the Anthropic Messages API. */
export function createAnthropicProvider(options: AnthropicProviderOptions): ModelProvider {
  const id = options.id;
  const url = `${trimTrailingSlashes(options.baseUrl ?? 'https://api.anthropic.com/v1')}/messages`;
  const transport = options.transport ?? fetchTransport();
  const defaultMaxTokens = options.defaultMaxTokens ?? 1024;
  const apiKey = hasApiKey(options.apiKey) ? options.apiKey.trim() : undefined;
  const headers: Readonly<Record<string, string>> | undefined =
    apiKey === undefined
      ? undefined
      : {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-api-key': apiKey,
          'anthropic-version': anthropicVersion,
        };

  async function call(request: ModelCallRequest): Promise<ModelCallResult> {
    if (headers === undefined) throw missingKeyError(id);
    const answer = await postJson({
      transport,
      url,
      headers,
      body: {
        model: request.model,
        max_tokens: request.maxTokens ?? defaultMaxTokens,
        messages: [{ role: 'user', content: request.prompt }],
        temperature: request.temperature === undefined ? undefined : Math.min(request.temperature, maxTemperature),
      },
      signal: request.signal,
      providerId: id,
    });
    const parsed = anthropicMessagesResponseSchema.safeParse(answer);
    if (!parsed.success) throw malformedAnswerError(id);
    const text = anthropicText(parsed.data);
    if (text === undefined) throw malformedAnswerError(id);
    const usage = parsed.data.usage ?? undefined;
    return {
      text,
      model: parsed.data.model ?? request.model,
      usage: modelUsageOf(usage?.input_tokens, usage?.output_tokens, request.prompt, text),
    };
  }

  return { id, kind: 'anthropic', defaultModel: options.model, call };
}
