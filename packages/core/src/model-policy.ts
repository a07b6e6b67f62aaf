import { z } from 'zod';
import { modelRefSchema } from './layer-config.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2025-01-31');
const glob = z.string().min(1).max(200);

/** A provider the organisation has registered: where it is, where data goes, what was signed. */
export const registeredProviderSchema = z.strictObject({
  kind: z.enum(['openai-compatible', 'anthropic', 'offline', 'scripted']),
  /** Required for remote kinds: the only origin Dax may open connections to for this provider. */
  baseUrl: z.url().optional(),
  region: z.string().min(1),
  /** Data-residency zone, e.g. `eu`, `us`, `local`. */
  residency: z.string().min(1),
  dpa: z.strictObject({ status: z.enum(['signed', 'pending', 'none', 'not-required']), date: isoDate.optional() }),
  securityReviewDate: isoDate.optional(),
  /** Model used when a reference names only the provider. */
  defaultModel: z.string().min(1).optional(),
  /** Base64 SHA-256 digests of the accepted certificates' SubjectPublicKeyInfo. */
  tlsPins: z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 SHA-256 digest (44 characters)')).min(1).optional(),
});
export type RegisteredProvider = z.infer<typeof registeredProviderSchema>;

/** Matches models by provider, model (glob, so `grok-4*` covers its versions) and provider region (glob). */
export const modelRuleSchema = z.strictObject({
  provider: glob.optional(),
  model: glob.optional(),
  region: glob.optional(),
});
export type ModelRule = z.infer<typeof modelRuleSchema>;

export const domainRuleSchema = z.strictObject({
  /** Residency zones this domain's data may go to; absent means any zone. */
  residency: z.array(z.string().min(1)).min(1).optional(),
  /** A personal-data domain may only use providers whose DPA is signed (or not required). */
  personalData: z.boolean(),
});
export type DomainRule = z.infer<typeof domainRuleSchema>;

export const layerModelOverrideSchema = z.strictObject({
  model: modelRefSchema.optional(),
  fallbacks: z.array(modelRefSchema).optional(),
});

/** `config/models.json`: which providers, models and regions may ever see a domain's data. */
export const modelPolicySchema = z.strictObject({
  providers: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), registeredProviderSchema),
  allow: z.array(modelRuleSchema).default([]),
  deny: z.array(modelRuleSchema).default([]),
  /** Model order for layers that name none: the first is tried first, the rest are fallbacks. */
  fallbackOrder: z.array(modelRefSchema).default([]),
  /** Per layer name (`DA-9`): a model and fallbacks that win over the layer file. */
  layers: z.record(z.string().min(1), layerModelOverrideSchema).default({}),
  /** Per domain; a domain not listed uses `default`, and without that is treated as handling personal data. */
  domains: z.record(z.string().min(1), domainRuleSchema).default({}),
});
export type ModelPolicy = z.infer<typeof modelPolicySchema>;
