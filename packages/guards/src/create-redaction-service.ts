import { createRedactor } from './pii/create-redactor.js';

export interface RedactionServiceOptions {
  /** On by default; off leaves texts as they are (only for local debugging). */
  readonly enabled?: boolean;
}

/**
 * The one redaction service for everything that leaves Dax beside the run itself:
 * log lines (messages and every string field), problem details and request or
 * response logging. It uses the same detectors and placeholders as the run's
 * redactor (`[EMAIL_1]`, `[OPENAI_KEY_1]`), numbered per call.
 */
export interface RedactionService {
  readonly enabled: boolean;
  redactText(text: string): string;
  /** A copy of a JSON-like value with every string redacted; other values are kept. */
  redactValue<T>(value: T): T;
}

const maximumDepth = 8;

export function createRedactionService(options: RedactionServiceOptions = {}): RedactionService {
  const enabled = options.enabled ?? true;

  function redactText(text: string): string {
    if (!enabled || text.length === 0) return text;
    return createRedactor().redact(text).text;
  }

  function redactAny(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return redactText(value);
    if (typeof value !== 'object' || value === null || depth >= maximumDepth) return value;
    if (Array.isArray(value)) return value.map((item) => redactAny(item, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactAny(item, depth + 1)]));
  }

  return {
    enabled,
    redactText,
    redactValue: <T>(value: T): T => (enabled ? (redactAny(value, 0) as T) : value),
  };
}
