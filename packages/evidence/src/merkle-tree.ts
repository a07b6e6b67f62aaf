import { emptyRoot, hashChildren, splitPoint } from './merkle-hash.js';

/**
 * RFC 6962 Merkle tree hash over leaf hashes `[start, end)`: the left subtree holds
 * the largest power of two of leaves, so any size (not only powers of two) works.
 */
export function merkleRoot(leafHashes: readonly Uint8Array[], start = 0, end = leafHashes.length): Buffer {
  const size = end - start;
  if (size === 0) return emptyRoot();
  if (size === 1) return Buffer.from(leafHashes[start]!);
  const k = splitPoint(size);
  return hashChildren(merkleRoot(leafHashes, start, start + k), merkleRoot(leafHashes, start + k, end));
}

/** RFC 6962 audit path (inclusion proof) of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number, size = leafHashes.length): Buffer[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size || size > leafHashes.length) {
    throw new RangeError('The leaf index must lie inside the tree.');
  }
  const path: Buffer[] = [];
  const walk = (target: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (target < k) {
      walk(target, start, start + k);
      path.push(merkleRoot(leafHashes, start + k, end));
    } else {
      walk(target - k, start + k, end);
      path.push(merkleRoot(leafHashes, start, start + k));
    }
  };
  walk(index, 0, size);
  return path;
}

/** RFC 6962 consistency proof from the tree of the first `first` leaves to the first `second`. */
export function consistencyProof(leafHashes: readonly Uint8Array[], first: number, second = leafHashes.length): Buffer[] {
  if (!Number.isSafeInteger(first) || first < 1 || first > second || second > leafHashes.length) {
    throw new RangeError('A consistency proof needs 1 <= first <= second <= log size.');
  }
  const proof: Buffer[] = [];
  const subproof = (m: number, start: number, end: number, complete: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!complete) proof.push(merkleRoot(leafHashes, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, complete);
      proof.push(merkleRoot(leafHashes, start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(merkleRoot(leafHashes, start, start + k));
    }
  };
  subproof(first, 0, second, true);
  return proof;
}
