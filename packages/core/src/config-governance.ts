import type { ConfigAuditEntry, ConfigKind, ConfigVersion, MigrationNote } from './config-version.js';

export interface ProposeRequest {
  readonly domain: string;
  readonly kind: ConfigKind;
  /** Parsed JSON content (a layer array or a model policy object). */
  readonly content: unknown;
  readonly note: MigrationNote;
  readonly actor: string;
  /** `import` when the version arrives in a signed bundle; default `propose`. */
  readonly action?: 'propose' | 'import';
}

export interface ApproveRequest {
  readonly versionId: string;
  readonly domain?: string;
  readonly actor: string;
  /** The approver's groups, from their identity (claims or configured membership). */
  readonly groups: readonly string[];
}

export interface ActivateRequest {
  readonly versionId: string;
  readonly domain?: string;
  readonly actor: string;
}

export interface RollbackRequest {
  readonly domain: string;
  readonly kind?: ConfigKind;
  readonly actor: string;
}

export interface ConfigHistory {
  readonly versions: readonly ConfigVersion[];
  readonly audit: readonly ConfigAuditEntry[];
}

/** The lifecycle of configuration versions: propose, approve (two-person rule), activate, roll back. */
export interface ConfigGovernance {
  propose(request: ProposeRequest): Promise<ConfigVersion>;
  approve(request: ApproveRequest): Promise<ConfigVersion>;
  activate(request: ActivateRequest): Promise<ConfigVersion>;
  rollback(request: RollbackRequest): Promise<ConfigVersion>;
  /** One version by id or unambiguous id prefix (8+ hex digits), optionally within a domain. */
  get(versionId: string, domain?: string): Promise<ConfigVersion>;
  history(domain: string, kind?: ConfigKind): Promise<ConfigHistory>;
}
