import type { RedactionResult } from '@dax/core';
import { createRedactor } from './pii/create-redactor.js';

/** One-shot redaction of a text with offsets into the input (what `dax redact` prints); see also createRedactionService. */
export function redactText(text: string): RedactionResult {
  return createRedactor().redact(text);
}
