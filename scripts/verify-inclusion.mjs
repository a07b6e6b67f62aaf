#!/usr/bin/env node
// Independent check of a `dax evidence export` directory, using node:crypto only:
// recomputes the checkpoint root from envelope.json and inclusion-proof.json
// (RFC 6962 hashing, RFC 9162 inclusion verification) and checks the checkpoint's
// Ed25519 signature with public-key.pem. Usage: node verify-inclusion.mjs DIR
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.';
const read = (name) => readFileSync(join(dir, name));
const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const proof = JSON.parse(read('inclusion-proof.json'));
const [origin, size, rootB64] = read('checkpoint.txt').toString().split('\n');

let fn = proof.leafIndex, sn = proof.treeSize - 1;
let hash = sha256(Buffer.of(0), read('envelope.json')); // leaf hash: SHA-256(0x00 || envelope)
for (const sibling of proof.hashes.map((hex) => Buffer.from(hex, 'hex'))) {
  if (fn % 2 === 1 || fn === sn) {
    hash = sha256(Buffer.of(1), sibling, hash);
    while (fn % 2 === 0 && fn !== 0) { fn >>= 1; sn >>= 1; }
  } else hash = sha256(Buffer.of(1), hash, sibling);
  fn >>= 1; sn >>= 1;
}
const rootOk = sn === 0 && Number(size) === proof.treeSize && hash.toString('base64') === rootB64;

const note = read('checkpoint.txt').toString();
const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
const signature = Buffer.from(note.slice(body.length + 1).split(' ')[2], 'base64').subarray(4); // drop the 4-byte key hash
const signatureOk = verify(null, Buffer.from(body), createPublicKey(read('public-key.pem')), signature);

console.log(`log ${origin}, size ${size}: root ${rootOk ? 'recomputed' : 'MISMATCH'}, checkpoint signature ${signatureOk ? 'valid' : 'INVALID'}`);
process.exit(rootOk && signatureOk ? 0 : 1);
