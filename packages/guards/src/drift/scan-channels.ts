import type { EntityScan } from './entity-scan.js';

const channel = /(?<![\w&#/])#([a-z][\w-]*[\w])/gi;

/** Chat channels (`#payments-dev`): a destination, recorded as a payee. */
export function scanChannels(scan: EntityScan): void {
  if (!scan.working.includes('#')) return;
  scan.take(channel, (match) => ({ kind: 'payee', value: `#${(match[1] ?? '').toLowerCase()}` }));
}
