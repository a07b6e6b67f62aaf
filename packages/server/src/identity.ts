/** Roles a caller can hold; routes check them. */
export const roles = ['caller', 'approver', 'reviewer', 'admin', 'auditor', 'operator', 'metrics'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as the gateway knows them after authentication. */
export interface Identity {
  /** Stable subject: `key:<keyId>`, `oidc:<sub>` or `cert:<fingerprint>`. */
  readonly subject: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  readonly method: 'api-key' | 'oidc' | 'certificate';
  /** The API key id when method is api-key (for per-key limits). */
  readonly keyId?: string;
  /** Approval groups from the OIDC `groups` claim (configuration approvals). */
  readonly groups?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the identity plugin on every authenticated route. */
    identity: Identity;
  }
}
