import type { EntityScan } from './entity-scan.js';

const prefixedCode = /(?<![\w-])([A-Z]{2,6})-(\d{2,}|[A-Z0-9]*\d[A-Z0-9]*)(?![\w-])/g;
const identifierValue = String.raw`(?:#\s*)?(?:\d{3,}|[A-Z]{0,4}\d[A-Z0-9-]{2,})(?![\w-])`;
const labelledNumber = new RegExp(
  String.raw`\b(invoice|inv|order|ticket|case|customer|cust|client|employee|emp|user|member|patient|po|purchase\s+order|contract|claim|incident|issue|pr|pull\s+request|request|shipment|booking|reservation|reference|ref|transaction|txn|batch|sku|item|product|project|vendor|supplier|policy|loan|quote|tracking)(?:e?s)?\.?(?:\s+(?:no\.?|numbers?|nums?|ids?))?\s*[:#]?\s*(${identifierValue}(?:\s*(?:,|and|&|or)\s*${identifierValue})*)`,
  'gi',
);
const listedValue = /(?:\d{3,}|[A-Z]{0,4}\d[A-Z0-9-]{2,})(?![\w-])/gi;
const hashNumber = /(?<![\w&#])#(\d{3,})(?![\w-])/g;

const typeSynonyms: Readonly<Record<string, string>> = {
  inv: 'invoice',
  cust: 'customer',
  client: 'customer',
  emp: 'employee',
  'purchase order': 'po',
  'pull request': 'pr',
  ref: 'reference',
  txn: 'transaction',
};

function canonicalType(written: string): string {
  const plain = written.toLowerCase().replace(/\s+/g, ' ');
  return typeSynonyms[plain] ?? plain;
}

/**
 * Reference numbers: codes such as `INV-7781`, labelled numbers (`order #5512` → `order 5512`,
 * `PO 2210` → `po 2210`, `users 55213 and 55214` → two values) and bare `#5512`.
 */
export function scanIdentifiers(scan: EntityScan): void {
  if (!scan.hasDigit) return;
  if (/[A-Z]-[A-Z0-9]*\d/.test(scan.working)) {
    scan.take(prefixedCode, (match) => ({ kind: 'identifier', value: `${match[1]}-${match[2]}` }));
  }
  if (scan.hasCue('identifierLabel'))
    scan.take(labelledNumber, (match) => {
      const type = canonicalType(match[1] ?? '');
      return [...(match[2] ?? '').matchAll(listedValue)].map((value) => ({
        kind: 'identifier' as const,
        value: `${type} ${value[0].toUpperCase()}`,
      }));
    });
  if (scan.working.includes('#')) scan.take(hashNumber, (match) => ({ kind: 'identifier', value: `#${match[1]}` }));
}
