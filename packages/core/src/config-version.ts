/** What a configuration version holds: a domain's layer file, or the model policy. */
export type ConfigKind = 'layers' | 'models';

/** `proposed → approved → active → superseded`; a superseded version can become active again by rollback. */
export type ConfigVersionStatus = 'proposed' | 'approved' | 'active' | 'superseded';

/** The domain under which the (installation-wide) model policy is versioned. */
export const modelPolicyDomain = '*';

/** Required with every proposal: what changed, why, and how to roll back. */
export interface MigrationNote {
  readonly whatChanged: string;
  readonly why: string;
  readonly rollback: string;
}

export interface ConfigApproval {
  /** Who approved (`key:<id>`, `oidc:<sub>`, `local:<name>`). */
  readonly actor: string;
  /** The approval groups this approval counts for. */
  readonly groups: readonly string[];
  readonly at: string;
}

/** One content-addressed configuration version: `id` is the SHA-256 of its canonical JSON. */
export interface ConfigVersion {
  readonly id: string;
  readonly kind: ConfigKind;
  readonly domain: string;
  readonly status: ConfigVersionStatus;
  /** The parsed JSON content (a layer array, or a model policy object). */
  readonly content: unknown;
  readonly note: MigrationNote;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly approvals: readonly ConfigApproval[];
  readonly activatedAt?: string;
  readonly activatedBy?: string;
}

export type ConfigAuditAction = 'propose' | 'approve' | 'activate' | 'rollback' | 'import';

/** One audited change to a domain's configuration: who did what, to which version, when. */
export interface ConfigAuditEntry {
  readonly domain: string;
  readonly kind: ConfigKind;
  readonly action: ConfigAuditAction;
  readonly versionId: string;
  readonly actor: string;
  readonly at: string;
  /** For activate and rollback: the version that was active before. */
  readonly previousVersionId?: string;
}
