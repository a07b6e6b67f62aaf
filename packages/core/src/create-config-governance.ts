import { createHash } from 'node:crypto';
import { DaxError } from '@dax/protocol';
import { defaultApprovalRules, missingApprovalGroups, type ApprovalRules } from './approval-rules.js';
import { canonicalJson } from './canonical-json.js';
import type { ConfigGovernance, ProposeRequest } from './config-governance.js';
import type { ConfigAuditEntry, ConfigKind, ConfigVersion } from './config-version.js';
import type { ConfigVersionStore } from './config-version-store.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { checkMigrationNote } from './parse-migration-note.js';

export interface ConfigGovernanceOptions {
  readonly store: ConfigVersionStore;
  /**
   * Validates content before it is proposed and again before it activates; returns
   * the normalised content to store (schema defaults applied) or throws a DaxError.
   */
  readonly validate: (kind: ConfigKind, domain: string, content: unknown) => unknown;
  readonly rules?: ApprovalRules;
  readonly clock?: Clock;
}

/** The version id: SHA-256 (hex) of the content's canonical JSON. */
export function configVersionId(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function sameNote(a: ConfigVersion['note'], b: ConfigVersion['note']): boolean {
  return a.whatChanged === b.whatChanged && a.why === b.why && a.rollback === b.rollback;
}

/**
 * The configuration lifecycle over a version store. Proposed content is never
 * changed (the id is its hash); nobody approves their own proposal; activation
 * needs every required group; activation and rollback are audited.
 */
export function createConfigGovernance(options: ConfigGovernanceOptions): ConfigGovernance {
  const { store } = options;
  const rules = options.rules ?? defaultApprovalRules;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().toISOString();

  async function find(versionId: string, domain?: string): Promise<ConfigVersion> {
    if (!/^[0-9a-f]{8,64}$/.test(versionId)) {
      throw new DaxError('DAX_E_USAGE', { detail: 'A version id is 8 to 64 lower-case hex digits (see dax config history).' });
    }
    const candidates = (await store.findVersions(versionId)).filter((version) => domain === undefined || version.domain === domain);
    if (candidates.length === 0) throw new DaxError('DAX_E_CONFIG_VERSION_NOT_FOUND', { detail: `No version ${versionId}${domain === undefined ? '' : ` in domain ${domain}`}.` });
    if (candidates.length > 1) {
      throw new DaxError('DAX_E_USAGE', { detail: `Version ${versionId} is ambiguous (${candidates.length} matches): give more digits or the domain.` });
    }
    return candidates[0]!;
  }

  async function propose(request: ProposeRequest): Promise<ConfigVersion> {
    const note = checkMigrationNote(request.note);
    const content = await options.validate(request.kind, request.domain, request.content);
    const id = configVersionId(content);
    const at = now();
    const version: ConfigVersion = {
      id,
      kind: request.kind,
      domain: request.domain,
      status: 'proposed',
      content,
      note,
      proposedBy: request.actor,
      proposedAt: at,
      approvals: [],
    };
    const audit: ConfigAuditEntry = { domain: request.domain, kind: request.kind, action: request.action ?? 'propose', versionId: id, actor: request.actor, at };
    if (await store.insertVersion(version, audit)) return version;
    const existing = await store.getVersion(request.domain, request.kind, id);
    if (existing === undefined) throw new DaxError('DAX_E_STORE_UNAVAILABLE', { detail: 'The version was neither inserted nor found.' });
    if (!sameNote(existing.note, note)) {
      throw new DaxError('DAX_E_CONFIG_IMMUTABLE', { detail: `Version ${id.slice(0, 12)} already exists (${existing.status}); its note and content cannot be changed.` });
    }
    return existing;
  }

  async function approve(request: { versionId: string; domain?: string; actor: string; groups: readonly string[] }): Promise<ConfigVersion> {
    const version = await find(request.versionId, request.domain);
    if (version.status !== 'proposed') {
      throw new DaxError('DAX_E_CONFIG_IMMUTABLE', { detail: `Version ${version.id.slice(0, 12)} is ${version.status}; approvals can only be added to a proposed version.` });
    }
    if (version.proposedBy === request.actor) throw new DaxError('DAX_E_CONFIG_SELF_APPROVAL');
    if (version.approvals.some((approval) => approval.actor === request.actor)) {
      throw new DaxError('DAX_E_CONFIG_APPROVER_INELIGIBLE', { detail: 'This approver has already approved the version.' });
    }
    const missing = missingApprovalGroups(version.approvals, rules);
    const counted = request.groups.filter((group) => missing.includes(group));
    if (counted.length === 0) {
      throw new DaxError('DAX_E_CONFIG_APPROVER_INELIGIBLE', { detail: `The version still needs an approver from: ${missing.join(', ')}.` });
    }
    const approval = { actor: request.actor, groups: counted, at: now() };
    const approvals = [...version.approvals, approval];
    const status = missingApprovalGroups(approvals, rules).length === 0 ? 'approved' : 'proposed';
    const audit: ConfigAuditEntry = { domain: version.domain, kind: version.kind, action: 'approve', versionId: version.id, actor: request.actor, at: approval.at };
    if (!(await store.recordApproval(version, approval, status, audit))) {
      throw new DaxError('DAX_E_CONFIG_IMMUTABLE', { detail: 'The version changed state while it was being approved; read it again.' });
    }
    return { ...version, approvals, status };
  }

  async function activateVersion(version: ConfigVersion, actor: string, action: 'activate' | 'rollback'): Promise<ConfigVersion> {
    await options.validate(version.kind, version.domain, version.content);
    const previous = await store.activeVersionId(version.domain, version.kind);
    const at = now();
    const audit: ConfigAuditEntry = {
      domain: version.domain,
      kind: version.kind,
      action,
      versionId: version.id,
      actor,
      at,
      ...(previous === undefined ? {} : { previousVersionId: previous }),
    };
    await store.activate(version, audit);
    return { ...version, status: 'active', activatedAt: at, activatedBy: actor };
  }

  async function activate(request: { versionId: string; domain?: string; actor: string }): Promise<ConfigVersion> {
    const version = await find(request.versionId, request.domain);
    if (version.status === 'active') return version;
    if (version.status !== 'approved') {
      throw new DaxError('DAX_E_CONFIG_NOT_APPROVED', {
        detail: version.status === 'superseded'
          ? `Version ${version.id.slice(0, 12)} is superseded; use dax config rollback to return to the previous version.`
          : `Version ${version.id.slice(0, 12)} still needs an approver from: ${missingApprovalGroups(version.approvals, rules).join(', ')}.`,
      });
    }
    return activateVersion(version, request.actor, 'activate');
  }

  async function rollback(request: { domain: string; kind?: ConfigKind; actor: string }): Promise<ConfigVersion> {
    const kind = request.kind ?? 'layers';
    const current = await store.activeVersionId(request.domain, kind);
    const activations = (await store.listAudit(request.domain, kind)).filter(
      (entry) => entry.action === 'activate' || entry.action === 'rollback',
    );
    const last = activations.at(-1);
    const target = last?.versionId === current ? last?.previousVersionId : undefined;
    if (current === undefined || target === undefined) {
      throw new DaxError('DAX_E_CONFIG_NO_PREVIOUS', { detail: `Domain ${request.domain} has no earlier active ${kind} version.` });
    }
    const version = await store.getVersion(request.domain, kind, target);
    if (version === undefined) throw new DaxError('DAX_E_CONFIG_VERSION_NOT_FOUND', { detail: `The previous version ${target.slice(0, 12)} is missing.` });
    return activateVersion(version, request.actor, 'rollback');
  }

  return {
    propose,
    approve,
    activate,
    rollback,
    get: find,
    async history(domain, kind) {
      const [versions, audit] = await Promise.all([store.listVersions(domain, kind), store.listAudit(domain, kind)]);
      return { versions, audit };
    },
  };
}
