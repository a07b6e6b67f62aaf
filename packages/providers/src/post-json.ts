import { errorFromFetchFailure } from './error-from-fetch-failure.js';
import type { HttpAnswer, HttpTransport } from './http-transport.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { ProviderError } from './provider-error.js';
import { providerErrorFromStatus } from './provider-error-from-status.js';

export interface JsonPost {
  readonly transport: HttpTransport;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly signal: AbortSignal;
  readonly providerId: string;
}

/**
 * POSTs JSON and returns the parsed JSON answer. Every failure becomes a
 * ProviderError (or a cancelled-run DaxError) whose message holds no upstream
 * body, key or prompt.
 */
export async function postJson(post: JsonPost): Promise<unknown> {
  let answer: HttpAnswer;
  try {
    answer = await post.transport.post({ url: post.url, headers: post.headers, body: JSON.stringify(post.body), signal: post.signal });
  } catch (error) {
    throw errorFromFetchFailure(error, post.signal, post.providerId);
  }
  if (answer.status < 200 || answer.status > 299) {
    const retryAfterMs = parseRetryAfter(answer.header('retry-after'));
    await answer.discard();
    throw providerErrorFromStatus(answer.status, post.providerId, retryAfterMs);
  }
  let text: string;
  try {
    text = await answer.text();
  } catch (error) {
    throw errorFromFetchFailure(error, post.signal, post.providerId);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError('DAX_E_PROVIDER_MALFORMED', {
      detail: `Provider "${post.providerId}" sent a body that is not JSON.`,
    });
  }
}
