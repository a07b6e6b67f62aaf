import { z } from 'zod';
import type { ModelPolicy } from './model-policy.js';

export const dataClassSchema = z.enum(['public', 'internal', 'confidential', 'restricted']);
export type DataClass = z.infer<typeof dataClassSchema>;

/** Names of the extra guards a layer may ask to run on its own output. */
export const layerGuardNameSchema = z.enum(['drift', 'pii', 'injection', 'structure']);
export type LayerGuardName = z.infer<typeof layerGuardNameSchema>;

/** A model reference: `<provider>` or `<provider>:<model>` (for example `xai:grok-4`, `offline`). */
export const modelRefSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(:[^\s]+)?$/, 'must look like "provider" or "provider:model"');

/**
 * One layer entry. The first five fields are the original format; the rest are
 * optional extensions. Unknown fields are refused so that typos do not pass silently.
 */
export const layerEntrySchema = z.strictObject({
  id: z.union([z.number().int().min(1).max(13), z.literal('X')]),
  name: z.string().min(1),
  desc: z.string().min(1),
  agent: z.string().min(1),
  prompt: z.string().min(1),
  model: modelRefSchema.optional(),
  fallbacks: z.array(modelRefSchema).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().max(200_000).optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  dataClass: dataClassSchema.optional(),
  guards: z.array(layerGuardNameSchema).optional(),
});
export type LayerEntry = z.infer<typeof layerEntrySchema>;

export const layerFileSchema = z.array(layerEntrySchema);

/** A validated layer configuration, ready for the engine. */
export interface LayerConfig {
  readonly layers: readonly LayerEntry[];
  /** sha256 over the canonical JSON of the layers: the version the run records. */
  readonly hash: string;
  /** Where it was loaded from (a path, or `<inline>`). */
  readonly source: string;
  /** The model policy in force for runs on this configuration (enforced again at call time). */
  readonly modelPolicy?: ModelPolicy;
}
