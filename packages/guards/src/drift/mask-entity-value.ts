import type { EntityKind } from '@dax/core';
import { isInstrumentValue } from './payment-instruments.js';
import { isPlaceholderValue } from './placeholder-kinds.js';

const ipAddress = /^\d+\.\d+\.\d+\.\d+/;
const personalIdentifierTypes = /^(?:customer|employee|user|member|patient|client) /;

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${value[0] ?? ''}***${value.slice(at)}`;
}

function maskAccount(value: string): string {
  if (isInstrumentValue(value)) return value;
  const plain = value.replace(/^\*/, '');
  if (plain.length >= 12) return `${plain.slice(0, 4)}…${plain.slice(-4)}`;
  return `…${plain.slice(-4)}`;
}

function maskName(value: string): string {
  return value
    .split(' ')
    .map((word) => `${word[0] ?? ''}***`)
    .join(' ');
}

function maskWords(value: string): string {
  return value
    .split(' ')
    .map((word, index) => {
      if (word.includes('@')) return maskEmail(word.toLowerCase());
      if ((word.match(/\d/g)?.length ?? 0) >= 3) return `…${word.slice(-2)}`;
      if (index > 0 && /^\p{Lu}/u.test(word)) return `${word[0]}***`;
      return word;
    })
    .join(' ');
}

/**
 * The form of a normalised entity value that may be shown to people: e-mail addresses, accounts,
 * phone numbers and names are masked (`d***@acme-corp.com`, `DE89…3000`, `…0132`, `P*** N***`),
 * URLs reduced to their host, IP addresses and personal reference numbers shortened; amounts, dates
 * and environments are shown as normalised.
 */
export function maskEntityValue(kind: EntityKind, value: string): string {
  if (isPlaceholderValue(value)) return value;
  switch (kind) {
    case 'email':
      return maskEmail(value);
    case 'account':
      return maskAccount(value);
    case 'phone':
      return `…${value.replace(/\D/g, '').slice(-4)}`;
    case 'payee':
      return value.startsWith('#') ? value : maskName(value);
    case 'url': {
      const host = /^https?:\/\/[^/]+/.exec(value);
      return host === null ? value : host[0];
    }
    case 'identifier':
      return personalIdentifierTypes.test(value) ? `${value.slice(0, value.indexOf(' '))} …${value.slice(-2)}` : value;
    case 'negation':
      return maskWords(value);
    case 'environment':
      return ipAddress.test(value) ? `${value.split('.').slice(0, 2).join('.')}.…` : value;
    default:
      return value;
  }
}
