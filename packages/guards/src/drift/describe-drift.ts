import type { DriftChange, DriftResult } from '@dax/core';

const kindNames: Readonly<Record<DriftChange['kind'], string>> = {
  amount: 'amount',
  account: 'account',
  email: 'e-mail address',
  payee: 'payee',
  date: 'date',
  environment: 'target',
  negation: 'negation',
  url: 'URL',
  phone: 'phone number',
  identifier: 'reference',
};

function describeChange(change: DriftChange): string {
  const kind = kindNames[change.kind];
  switch (change.change) {
    case 'changed':
      if (change.expected !== undefined && change.found !== undefined) {
        return `${kind} changed from ${change.expected} to ${change.found}`;
      }
      return change.expected === undefined ? `${kind} changed` : `${kind} "${change.expected}" overridden`;
    case 'added':
      return change.found === undefined ? `${kind} added` : `${kind} ${change.found} added`;
    case 'removed':
      return change.expected === undefined ? `${kind} dropped` : `${kind} "${change.expected}" dropped`;
  }
}

/**
 * One sentence for people: the kinds that drifted and their (already masked) normalised values,
 * e.g. `Drift: amount changed from 1840.00 USD to 1840.00 EUR; negation "not notify" dropped.`
 */
export function describeDrift(result: DriftResult): string {
  if (!result.drift || result.changes.length === 0) return 'No drift: the output keeps what the intent stated.';
  return `Drift: ${result.changes.map(describeChange).join('; ')}.`;
}
