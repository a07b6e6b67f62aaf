import { createPublicKey, verify } from 'node:crypto';
import { DaxError } from '@dax/protocol';
import { backupFormat, decodeCell, type BackupFile, type BackupManifest } from './backup-format.js';
import { sha256Hex } from './backup-store.js';
import { backupKeyIdOf } from './load-backup-signer.js';

export interface VerifiedBackup {
  readonly manifest: BackupManifest;
  /** Rows per table, in the manifest's (insertion) order. */
  readonly tables: readonly { readonly name: string; readonly rows: readonly Record<string, unknown>[] }[];
}

function corrupt(detail: string, cause?: unknown): DaxError {
  return new DaxError('DAX_E_BACKUP_CORRUPT', { detail, ...(cause === undefined ? {} : { cause }) });
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw corrupt(`${what} is not valid JSON.`, cause);
  }
}

function isManifest(value: unknown): value is BackupManifest {
  const manifest = value as Partial<BackupManifest> | null;
  return (
    typeof manifest === 'object' &&
    manifest !== null &&
    manifest.format === backupFormat &&
    typeof manifest.keyId === 'string' &&
    typeof manifest.publicKeyPem === 'string' &&
    typeof manifest.createdAt === 'string' &&
    Array.isArray(manifest.migrations) &&
    Array.isArray(manifest.tables) &&
    (manifest.tables as unknown[]).every((entry) => {
      const table = entry as Partial<Record<'name' | 'rows' | 'sha256', unknown>> | null;
      return table !== null && typeof table.name === 'string' && Number.isSafeInteger(table.rows) && typeof table.sha256 === 'string';
    })
  );
}

/**
 * Checks a backup file completely, writing nothing: the manifest signature against
 * the trusted public keys (PEM), then every section's SHA-256 and row count. Any
 * failure throws DAX_E_BACKUP_SIGNATURE or DAX_E_BACKUP_CORRUPT.
 */
export function verifyBackup(fileText: string, trustedPublicKeysPem: readonly string[]): VerifiedBackup {
  const file = parseJson(fileText, 'The backup file') as Partial<BackupFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== backupFormat || typeof file.manifest !== 'string' || typeof file.signature !== 'string' || typeof file.sections !== 'object' || file.sections === null) {
    throw corrupt('The file is not a Dax backup (format dax-backup/1).');
  }
  const manifest = parseJson(file.manifest, 'The manifest');
  if (!isManifest(manifest)) throw corrupt('The manifest is incomplete.');

  const trusted = trustedPublicKeysPem.flatMap((pem) => {
    try {
      const key = createPublicKey(pem);
      return key.asymmetricKeyType === 'ed25519' ? [{ key, keyId: backupKeyIdOf(key) }] : [];
    } catch {
      return [];
    }
  });
  const signer = trusted.find((candidate) => candidate.keyId === manifest.keyId);
  if (signer === undefined) {
    throw new DaxError('DAX_E_BACKUP_SIGNATURE', { detail: `The manifest is signed by ${manifest.keyId}, which is not a trusted key.` });
  }
  const signature = Buffer.from(file.signature, 'base64');
  if (!verify(null, Buffer.from(file.manifest, 'utf8'), signer.key, signature)) {
    throw new DaxError('DAX_E_BACKUP_SIGNATURE', { detail: 'The manifest signature does not verify.' });
  }

  const sections = file.sections as Record<string, unknown>;
  const listed = new Set(manifest.tables.map((table) => table.name));
  const extra = Object.keys(sections).find((name) => !listed.has(name));
  if (extra !== undefined) throw corrupt(`Section "${extra}" is not in the manifest.`);
  const tables = manifest.tables.map((table) => {
    const text = sections[table.name];
    if (typeof text !== 'string') throw corrupt(`Section "${table.name}" is missing.`);
    if (sha256Hex(text) !== table.sha256) throw corrupt(`Section "${table.name}" does not match its SHA-256 in the manifest.`);
    const rows = parseJson(text, `Section "${table.name}"`);
    if (!Array.isArray(rows) || rows.length !== table.rows || !rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) {
      throw corrupt(`Section "${table.name}" does not hold ${String(table.rows)} rows.`);
    }
    return {
      name: table.name,
      rows: (rows as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, decodeCell(value)]))),
    };
  });
  return { manifest, tables };
}
