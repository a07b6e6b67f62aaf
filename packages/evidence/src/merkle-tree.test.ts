import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleFrontier } from './merkle-frontier.js';
import { hashChildren, hashLeaf } from './merkle-hash.js';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle-tree.js';
import { verifyConsistency, verifyInclusion } from './verify-merkle-proof.js';

const sha = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

// The leaf inputs of Certificate Transparency's reference Merkle tree tests.
const referenceLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (hex) => Buffer.from(hex, 'hex'),
);
const referenceRoots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

function leavesOf(count: number): Buffer[] {
  return Array.from({ length: count }, (_, index) => hashLeaf(Buffer.from(`leaf-${index}`)));
}

describe('RFC 6962 Merkle tree', () => {
  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes', () => {
    expect(hashLeaf(Buffer.from('a'))).toEqual(sha(Buffer.of(0), Buffer.from('a')));
    expect(hashChildren(Buffer.from('l'), Buffer.from('r'))).toEqual(sha(Buffer.of(1), Buffer.from('l'), Buffer.from('r')));
    expect(merkleRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches hand-computed roots for 3 and 5 leaves (non-powers of two)', () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((text) => sha(Buffer.of(0), Buffer.from(text))) as [Buffer, Buffer, Buffer, Buffer, Buffer];
    const node = (l: Buffer, r: Buffer): Buffer => sha(Buffer.of(1), l, r);
    expect(merkleRoot([a, b, c])).toEqual(node(node(a, b), c));
    expect(merkleRoot([a, b, c, d, e])).toEqual(node(node(node(a, b), node(c, d)), e));
    expect(inclusionProof([a, b, c, d, e], 2)).toEqual([d, node(a, b), e]);
    expect(inclusionProof([a, b, c, d, e], 4)).toEqual([node(node(a, b), node(c, d))]);
    expect(consistencyProof([a, b, c, d, e], 3)).toEqual([c, d, node(a, b), e]);
  });

  it('reproduces the Certificate Transparency reference roots for sizes 1..8', () => {
    const hashes = referenceLeaves.map((leaf) => hashLeaf(leaf));
    referenceRoots.forEach((root, index) => {
      expect(merkleRoot(hashes.slice(0, index + 1)).toString('hex')).toBe(root);
    });
  });

  it('proves and verifies inclusion of every leaf in every tree of size 1..64', () => {
    const all = leavesOf(64);
    for (let size = 1; size <= 64; size += 1) {
      const root = merkleRoot(all.slice(0, size));
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(all, index, size);
        expect(verifyInclusion(all[index]!, index, size, proof, root)).toBe(true);
        expect(verifyInclusion(all[(index + 1) % 64]!, index, size, proof, root)).toBe(false);
        if (size > 1) {
          expect(verifyInclusion(all[index]!, (index + 1) % size, size, proof, root)).toBe(false);
          const bent = proof.map((hash, at) => (at === 0 ? Buffer.from(hash.map((byte, position) => (position === 0 ? byte ^ 1 : byte))) : hash));
          expect(verifyInclusion(all[index]!, index, size, bent, root)).toBe(false);
        }
      }
    }
  });

  it('proves and verifies consistency between every pair of sizes 1..64', () => {
    const all = leavesOf(64);
    const roots = Array.from({ length: 65 }, (_, size) => merkleRoot(all.slice(0, size)));
    for (let second = 1; second <= 64; second += 1) {
      for (let first = 1; first <= second; first += 1) {
        const proof = consistencyProof(all, first, second);
        expect(verifyConsistency(first, second, roots[first]!, roots[second]!, proof)).toBe(true);
        if (first < second && (first + second) % 4 === 0) {
          expect(verifyConsistency(first, second, roots[first]!, roots[second - 1]!, proof)).toBe(false);
          const forked = leavesOf(second).map((hash, at) => (at === first - 1 ? hashLeaf(Buffer.from('fork')) : hash));
          expect(verifyConsistency(first, second, roots[first]!, merkleRoot(forked), consistencyProof(forked, first, second))).toBe(false);
        }
      }
    }
  });

  it('appends through the frontier to the same root as a full recomputation, for sizes 0..64', () => {
    const all = leavesOf(64);
    const frontier = new MerkleFrontier();
    expect(frontier.root()).toEqual(merkleRoot([]));
    for (let size = 1; size <= 64; size += 1) {
      expect(frontier.append(all[size - 1]!)).toBe(size - 1);
      expect(frontier.root()).toEqual(merkleRoot(all.slice(0, size)));
      const restored = new MerkleFrontier(frontier.size, frontier.hashes);
      expect(restored.root()).toEqual(frontier.root());
    }
    expect(() => new MerkleFrontier(3, [all[0]!])).toThrow(RangeError);
  });
});
