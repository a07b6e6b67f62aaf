import type { EntityScan } from './entity-scan.js';

const ipv4 =
  /(?<![\w.])((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(\/(?:3[0-2]|[12]?\d))?(?![\w.]|\.\d)/g;

/** IPv4 addresses and CIDR ranges (`10.0.4.0/24`): network targets, recorded as environments. */
export function scanNetworkAddresses(scan: EntityScan): void {
  if (!/\d\.\d+\.\d/.test(scan.working)) return;
  scan.take(ipv4, (match) => ({ kind: 'environment', value: `${match[1]}${match[2] ?? ''}` }));
}
