/** One outbound POST: the body is already serialised. */
export interface HttpPost {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal: AbortSignal;
}

/** An upstream's answer whose body has not been read yet. */
export interface HttpAnswer {
  readonly status: number;
  /** A response header by lower-case name (the first value when repeated). */
  header(name: string): string | undefined;
  /** Reads the whole body as UTF-8. */
  text(): Promise<string>;
  /** Drops the body unread, releasing the connection. Never throws. */
  discard(): Promise<void>;
}

/** How providers send requests: the egress transport in a gateway, `fetch` elsewhere. */
export interface HttpTransport {
  post(request: HttpPost): Promise<HttpAnswer>;
}
