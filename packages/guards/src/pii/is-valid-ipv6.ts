import { isValidIpv4 } from './is-valid-ipv4.js';

const hexGroup = /^[0-9A-Fa-f]{1,4}$/;

function countGroups(groups: readonly string[], allowIpv4Tail: boolean): number {
  let count = 0;
  for (const [index, group] of groups.entries()) {
    // An IPv4 tail (e.g. ::ffff:192.0.2.1) stands for two groups.
    if (allowIpv4Tail && index === groups.length - 1 && group.includes('.')) {
      if (!isValidIpv4(group)) return -1;
      count += 2;
    } else if (hexGroup.test(group)) {
      count += 1;
    } else {
      return -1;
    }
  }
  return count;
}

/** True for a textual IPv6 address (RFC 4291 forms, including `::` compression and an IPv4 tail). */
export function isValidIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return countGroups(candidate.split(':'), true) === 8;
  const [head = '', tail = ''] = halves;
  const headCount = head === '' ? 0 : countGroups(head.split(':'), false);
  const tailCount = tail === '' ? 0 : countGroups(tail.split(':'), true);
  if (headCount < 0 || tailCount < 0) return false;
  return headCount + tailCount <= 7;
}
