import { z } from 'zod';

const domainSchema = z.string().regex(/^([a-z][a-z0-9-]{0,62}|\*)$/, 'must be a domain name, or "*" for the model policy');

export const versionIdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{8,64}$/, 'must be 8 to 64 hex digits') });
export const domainParamsSchema = z.object({ domain: domainSchema });
export const domainQuerySchema = z.object({ domain: domainSchema.optional() });

export const migrationNoteSchema = z.strictObject({
  whatChanged: z.string().min(1).max(4_000),
  why: z.string().min(1).max(4_000),
  rollback: z.string().min(1).max(4_000),
});

export const proposeBodySchema = z.strictObject({
  domain: domainSchema.default('default').describe('The domain; "*" with kind "models" for the model policy.'),
  kind: z.enum(['layers', 'models']).default('layers'),
  content: z.unknown().describe('The layer array (layers.json) or the model policy object (models.json).'),
  note: z.union([migrationNoteSchema, z.string().min(1).max(12_000)]).describe('What changed, why, and how to roll back.'),
});

export const rollbackBodySchema = z.strictObject({ kind: z.enum(['layers', 'models']).default('layers') });

export const versionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['layers', 'models']),
  domain: z.string(),
  status: z.enum(['proposed', 'approved', 'active', 'superseded']),
  content: z.unknown().optional(),
  note: z.object({ whatChanged: z.string(), why: z.string(), rollback: z.string() }),
  proposedBy: z.string(),
  proposedAt: z.string(),
  approvals: z.array(z.object({ actor: z.string(), groups: z.array(z.string()), at: z.string() })),
  activatedAt: z.string().optional(),
  activatedBy: z.string().optional(),
});

export const auditEntrySchema = z.object({
  domain: z.string(),
  kind: z.enum(['layers', 'models']),
  action: z.enum(['propose', 'approve', 'activate', 'rollback', 'import']),
  versionId: z.string(),
  actor: z.string(),
  at: z.string(),
  previousVersionId: z.string().optional(),
});

export const historySchema = z.object({ versions: z.array(versionViewSchema), audit: z.array(auditEntrySchema) });

export const diffQuerySchema = z.object({
  from: z.string().regex(/^[0-9a-f]{8,64}$/),
  to: z.string().regex(/^[0-9a-f]{8,64}$/),
  domain: domainSchema.optional(),
});

export const diffSchema = z.object({
  from: z.string(),
  to: z.string(),
  changes: z.array(z.object({ layer: z.string(), promptDiff: z.string(), fields: z.array(z.string()) })),
});
