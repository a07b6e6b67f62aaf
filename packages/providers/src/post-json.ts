import { errorFromFetchFailure } from './error-from-fetch-failure.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { ProviderError } from './provider-error.js';
import { providerErrorFromStatus } from './provider-error-from-status.js';

export interface JsonPost {
  readonly fetch: typeof fetch;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly signal: AbortSignal;
  readonly providerId: string;
}

/** Releases the connection without reading an error body into memory. */
async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is unwanted either way; a failing cancel changes nothing for the caller.
  }
}

/**
 * POSTs JSON and returns the parsed JSON answer. Every failure becomes a
 * ProviderError (or a cancelled-run DaxError) whose message holds no upstream
 * body, key or prompt.
 */
export async function postJson(post: JsonPost): Promise<unknown> {
  let response: Response;
  try {
    response = await post.fetch(post.url, {
      method: 'POST',
      headers: post.headers,
      body: JSON.stringify(post.body),
      signal: post.signal,
    });
  } catch (error) {
    throw errorFromFetchFailure(error, post.signal, post.providerId);
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    await discardBody(response);
    throw providerErrorFromStatus(response.status, post.providerId, retryAfterMs);
  }
  let text: string;
  try {
    text = await response.text();
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
