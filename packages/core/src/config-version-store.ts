import type { ConfigApproval, ConfigAuditEntry, ConfigKind, ConfigVersion, ConfigVersionStatus } from './config-version.js';

/**
 * Where configuration versions and their audit trail live. Content is written once
 * (insert) and never updated; only status, approvals and activation fields change.
 */
export interface ConfigVersionStore {
  /** Inserts a proposed version with its audit entry; false (nothing written) when the id exists in that domain. */
  insertVersion(version: ConfigVersion, audit: ConfigAuditEntry): Promise<boolean>;
  getVersion(domain: string, kind: ConfigKind, id: string): Promise<ConfigVersion | undefined>;
  /** Versions whose id starts with the given prefix (at least 8 hex digits), any domain. */
  findVersions(idPrefix: string): Promise<ConfigVersion[]>;
  /** A domain's versions, oldest proposal first. */
  listVersions(domain: string, kind?: ConfigKind): Promise<ConfigVersion[]>;
  /** Adds an approval and sets the status, only while the version is still `proposed`; false otherwise. */
  recordApproval(version: ConfigVersion, approval: ConfigApproval, status: ConfigVersionStatus, audit: ConfigAuditEntry): Promise<boolean>;
  /** In one transaction: the active version (if any) becomes superseded, this one active, and the audit entry is written. */
  activate(version: ConfigVersion, audit: ConfigAuditEntry): Promise<void>;
  /** The id of the active version of a domain, or undefined. */
  activeVersionId(domain: string, kind: ConfigKind): Promise<string | undefined>;
  /**
   * The active versions of up to three domains, every kind, in one look-up, keyed
   * `domain|kind` (see `activeVersionKey`). Called once per run: must be cheap.
   */
  activeVersionIds(domains: readonly [string, string, string]): Promise<ReadonlyMap<string, string>>;
  /** A domain's audit trail, oldest first (every kind when kind is omitted). */
  listAudit(domain: string, kind?: ConfigKind): Promise<ConfigAuditEntry[]>;
}

/** The key of a domain's active version of a kind in `activeVersionIds`' answer. */
export function activeVersionKey(domain: string, kind: ConfigKind): string {
  return `${domain}|${kind}`;
}
