import type { HttpAnswer, HttpPost, HttpTransport } from './http-transport.js';

/** A transport over a WHATWG `fetch` (the global one by default); redirects are not followed. */
export function fetchTransport(fetchFunction: typeof fetch = globalThis.fetch): HttpTransport {
  return {
    async post(request: HttpPost): Promise<HttpAnswer> {
      const response = await fetchFunction(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        redirect: 'manual',
      });
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        text: () => response.text(),
        async discard() {
          try {
            await response.body?.cancel();
          } catch {
            // The body is unwanted either way.
          }
        },
      };
    },
  };
}
