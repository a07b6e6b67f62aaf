import { emptyRoot, hashChildren } from './merkle-hash.js';

/**
 * The right edge of an append-only RFC 6962 tree: one hash per perfect subtree in
 * the binary decomposition of the size, largest first. Enough to append a leaf and
 * compute the root in O(log n) without reading earlier leaves.
 */
export class MerkleFrontier {
  readonly #hashes: Buffer[];
  #size: number;

  constructor(size = 0, hashes: readonly Uint8Array[] = []) {
    let expected = 0;
    for (let bits = size; bits > 0; bits = Math.floor(bits / 2)) expected += bits % 2;
    if (!Number.isSafeInteger(size) || size < 0 || hashes.length !== expected) {
      throw new RangeError('A Merkle frontier needs one hash per set bit of its size.');
    }
    this.#size = size;
    this.#hashes = hashes.map((hash) => Buffer.from(hash));
  }

  get size(): number {
    return this.#size;
  }

  get hashes(): readonly Buffer[] {
    return this.#hashes;
  }

  /** Adds a leaf hash; returns the new leaf's index. */
  append(leafHash: Uint8Array): number {
    const index = this.#size;
    let hash: Buffer = Buffer.from(leafHash);
    for (let bits = this.#size; bits % 2 === 1; bits = Math.floor(bits / 2)) {
      hash = hashChildren(this.#hashes.pop()!, hash);
    }
    this.#hashes.push(hash);
    this.#size += 1;
    return index;
  }

  root(): Buffer {
    if (this.#hashes.length === 0) return emptyRoot();
    let root = this.#hashes.at(-1)!;
    for (let index = this.#hashes.length - 2; index >= 0; index -= 1) root = hashChildren(this.#hashes[index]!, root);
    return root;
  }
}
