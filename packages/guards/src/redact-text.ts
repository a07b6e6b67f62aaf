import type { RedactionResult } from '@dax/core';
import { createRedactor } from './pii/create-redactor.js';

/** One-shot redaction of a text (offsets into the input); what `dax redact` prints. */
export function redactText(text: string): RedactionResult {
  return createRedactor().redact(text);
}
