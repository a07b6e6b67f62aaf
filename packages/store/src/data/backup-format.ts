/** Version tag of the backup file and its manifest. */
export const backupFormat = 'dax-backup/1';

export interface BackupTableEntry {
  readonly name: string;
  readonly rows: number;
  /** SHA-256 (hex) of the section's exact UTF-8 text in the file. */
  readonly sha256: string;
}

/** What the signature covers: every section's hash, the signer and the schema it came from. */
export interface BackupManifest {
  readonly format: typeof backupFormat;
  readonly createdAt: string;
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly migrations: readonly string[];
  /** In insertion order (parents before children). */
  readonly tables: readonly BackupTableEntry[];
}

/**
 * The backup file: the manifest and each table's rows as exact JSON texts, so
 * hashes and the signature are over the bytes as stored. Wrapped data keys are
 * copied wrapped; the master key is never in a backup.
 */
export interface BackupFile {
  readonly format: typeof backupFormat;
  readonly manifest: string;
  /** Ed25519 signature (base64) over the UTF-8 bytes of `manifest`. */
  readonly signature: string;
  readonly sections: Readonly<Record<string, string>>;
}

/** A stored value as JSON: bytes become `{ "$base64": … }`, bigints strings, dates ISO text. */
export function encodeCell(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function decodeCell(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { $base64?: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  return value;
}
