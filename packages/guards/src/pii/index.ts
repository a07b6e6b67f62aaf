export { detectPii } from './detect-pii.js';
export { createRedactor } from './create-redactor.js';
export { piiTypes } from './pii-type.js';
export type { PiiType } from './pii-type.js';
export type { PiiMatch } from './pii-match.js';
