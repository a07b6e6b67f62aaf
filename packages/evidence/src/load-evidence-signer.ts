import { chmod, mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519Signer, generateEd25519PrivateKeyPem } from './ed25519-signer.js';
import { EvidenceError } from './evidence-error.js';
import type { Signer } from './signer.js';

export interface EvidenceSignerSource {
  /** `DAX_EVIDENCE_KEY` (PEM text) or `DAX_EVIDENCE_KEY_FILE` (path) are read from here. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the embedded default key lives (`<dataDir>/evidence/signing-key.pem`), generated on first use. */
  readonly dataDir?: string;
}

/** File holding the embedded default key, under the data directory. */
export const defaultKeyFileName = join('evidence', 'signing-key.pem');
/** Directory of public keys kept for verification after rotation, under the data directory. */
export const keyringDirName = join('evidence', 'keyring');

/**
 * Reads a private key file, refusing one that group or others can read or write:
 * a key anyone else can read is not a key (`DAX_E_EVIDENCE_KEY_PERMISSIONS`).
 */
export async function readPrivateKeyFile(path: string): Promise<string> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (cause) {
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'The evidence signing key file cannot be read.', { cause });
  }
  if ((mode & 0o077) !== 0) {
    throw new EvidenceError(
      'DAX_E_EVIDENCE_KEY_PERMISSIONS',
      `The evidence signing key file is accessible to group or others (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it.`,
    );
  }
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'The evidence signing key file cannot be read.', { cause });
  }
}

/** Creates the embedded key with mode 0600 unless it exists; exclusive create, so two processes agree on one key. */
async function ensureDefaultKey(path: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new EvidenceError('DAX_E_EVIDENCE_KEY_INVALID', 'The evidence signing key could not be created.', { cause: error });
  }
  try {
    await handle.writeFile(generateEd25519PrivateKeyPem(), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Keeps the signer's public key in the keyring directory so evidence still verifies after the key is rotated. */
async function rememberPublicKey(dataDir: string, signer: Signer): Promise<void> {
  const directory = join(dataDir, keyringDirName);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  try {
    await writeFile(join(directory, `${signer.keyId}.pem`), signer.publicKeyPem, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(directory, 0o700).catch(() => undefined);
}

/**
 * The evidence signer: `DAX_EVIDENCE_KEY` (PEM text) wins, then `DAX_EVIDENCE_KEY_FILE`
 * (a 0600 PEM file), then the embedded default key in the data directory, generated
 * (mode 0600) on first use. Without any of them there is no signer: fail closed.
 */
export async function loadEvidenceSigner(source: EvidenceSignerSource): Promise<Signer> {
  const env = source.env ?? {};
  let signer: Signer;
  const inline = env.DAX_EVIDENCE_KEY;
  const file = env.DAX_EVIDENCE_KEY_FILE;
  if (inline !== undefined && inline.trim() !== '') {
    signer = ed25519Signer(inline.replace(/\\n/g, '\n'));
  } else if (file !== undefined && file.trim() !== '') {
    signer = ed25519Signer(await readPrivateKeyFile(file));
  } else if (source.dataDir !== undefined) {
    const path = join(source.dataDir, defaultKeyFileName);
    await ensureDefaultKey(path);
    signer = ed25519Signer(await readPrivateKeyFile(path));
  } else {
    throw new EvidenceError(
      'DAX_E_EVIDENCE_KEY_INVALID',
      'No evidence signing key: set DAX_EVIDENCE_KEY_FILE or DAX_EVIDENCE_KEY, or give a data directory.',
    );
  }
  if (source.dataDir !== undefined) await rememberPublicKey(source.dataDir, signer);
  return signer;
}
