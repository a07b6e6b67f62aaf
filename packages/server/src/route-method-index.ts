/** Compiles route URL patterns once and answers which methods a concrete path allows (for 405 answers). */
export class RouteMethodIndex {
  readonly #routes = new Map<string, { readonly pattern: RegExp; readonly methods: Set<string> }>();

  add(url: string, methods: string | readonly string[]): void {
    // A catch-all (CORS preflight `*`) says nothing about which resources exist.
    if (url === '*' || url === '/*') return;
    let entry = this.#routes.get(url);
    if (entry === undefined) {
      const source = url
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      entry = { pattern: new RegExp(`^${source}/?$`), methods: new Set() };
      this.#routes.set(url, entry);
    }
    for (const method of typeof methods === 'string' ? [methods] : methods) entry.methods.add(method.toUpperCase());
  }

  /** Methods registered for routes matching `path` (empty when no route matches). */
  allowedMethods(path: string): string[] {
    const allowed = new Set<string>();
    for (const { pattern, methods } of this.#routes.values()) {
      if (pattern.test(path)) for (const method of methods) allowed.add(method);
    }
    return [...allowed].sort();
  }
}
