import { createHash } from 'node:crypto';

/** RFC 6962 leaf hash: SHA-256(0x00 || leaf). */
export function hashLeaf(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(leaf).digest();
}

/** RFC 6962 interior node hash: SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** Root of the empty tree: SHA-256 of nothing. */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}

/** Largest power of two strictly below n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
