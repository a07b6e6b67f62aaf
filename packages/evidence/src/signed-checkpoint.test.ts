import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519Signer, generateEd25519PrivateKeyPem } from './ed25519-signer.js';
import { Keyring, rawEd25519 } from './keyring.js';
import { noteKeyHash, openCheckpoint, signCheckpoint } from './signed-checkpoint.js';

const root = createHash('sha256').update('root').digest();

describe('signed checkpoints (C2SP signed note)', () => {
  it('writes origin, size, base64 root, a blank line and an em-dash signature line with the 4-byte key hash', async () => {
    const signer = ed25519Signer(generateEd25519PrivateKeyPem());
    const note = await signCheckpoint({ origin: 'dax.local/evidence', treeSize: 5, rootHash: root }, signer, 'dax.local/evidence');
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual(['dax.local/evidence', '5', root.toString('base64'), '']);
    expect(lines[4]).toMatch(/^\u2014 dax\.local\/evidence [A-Za-z0-9+/]+=*$/u);
    expect(lines[5]).toBe('');
    const signature = Buffer.from(lines[4]!.split(' ')[2]!, 'base64');
    expect(signature.length).toBe(68);
    const raw = rawEd25519(createPublicKey(signer.publicKeyPem));
    const expected = createHash('sha256').update('dax.local/evidence\n\u0001').update(raw).digest().subarray(0, 4);
    expect(signature.subarray(0, 4)).toEqual(expected);
    expect(noteKeyHash('dax.local/evidence', raw)).toEqual(expected);
    const opened = openCheckpoint(note, new Keyring([signer.publicKeyPem]), 'dax.local/evidence');
    expect(opened).toEqual({ origin: 'dax.local/evidence', treeSize: 5, rootHash: root });
  });

  it('rejects a changed size, root or signature, an unknown key and a wrong key name', async () => {
    const signer = ed25519Signer(generateEd25519PrivateKeyPem());
    const keyring = new Keyring([signer.publicKeyPem]);
    const note = await signCheckpoint({ origin: 'o', treeSize: 12, rootHash: root }, signer, 'o');
    expect(() => openCheckpoint(note.replace('\n12\n', '\n13\n'), keyring, 'o')).toThrow(/does not verify/);
    const stranger = new Keyring([ed25519Signer(generateEd25519PrivateKeyPem()).publicKeyPem]);
    expect(() => openCheckpoint(note, stranger, 'o')).toThrow(/no signature by a trusted key/);
    expect(() => openCheckpoint(note, keyring, 'other')).toThrow(/no signature by a trusted key/);
    const line = note.split('\n')[4]!;
    const bytes = Buffer.from(line.split(' ')[2]!, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    expect(() => openCheckpoint(note.replace(line, `\u2014 o ${bytes.toString('base64')}`), keyring, 'o')).toThrow(/does not verify/);
  });
});
