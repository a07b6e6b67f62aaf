import type { EntityKind } from '@dax/core';

const kindsByType: Readonly<Record<string, EntityKind>> = {
  EMAIL: 'email',
  PHONE: 'phone',
  IBAN: 'account',
  CREDIT_CARD: 'account',
  CARD: 'account',
  ACCOUNT: 'account',
  BANK_ACCOUNT: 'account',
  US_SSN: 'identifier',
  URL: 'url',
  PERSON: 'payee',
  NAME: 'payee',
};

/** Redaction placeholders such as `[EMAIL_1]`; the type is in group 1. */
export const placeholderPattern = /\[([A-Z][A-Z_]*?)_\d+\]/g;

/** Which entity kind a placeholder of this type stands for; undefined when it stands for none we track. */
export function placeholderKind(type: string): EntityKind | undefined {
  return kindsByType[type];
}

const placeholderValue = /^\[[A-Z][A-Z_]*_\d+\]$/;

/** True for a value that is a redaction placeholder. */
export function isPlaceholderValue(value: string): boolean {
  return value.startsWith('[') && placeholderValue.test(value);
}
