/** Every kind of personal data or secret the DA-8 Auditor detects, most specific first. */
export const piiTypes = [
  'PRIVATE_KEY',
  'JWT',
  'AWS_ACCESS_KEY',
  'GITHUB_TOKEN',
  'SLACK_TOKEN',
  'OPENAI_KEY',
  'IBAN',
  'CREDIT_CARD',
  'US_SSN',
  'EMAIL',
  'IP_ADDRESS',
  'PHONE',
  'PASSWORD',
] as const;

export type PiiType = (typeof piiTypes)[number];
