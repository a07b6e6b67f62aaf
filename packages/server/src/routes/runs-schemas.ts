import { runResultSchema, runStatusSchema, runSummarySchema } from '@dax/protocol';
import { z } from 'zod';

const domainPattern = /^[a-z][a-z0-9-]{0,62}$/;

/** Body of `POST /v1/runs`. The input's length cap is the configured `maxInputChars` (413 beyond it). */
export const runRequestBodySchema = z.strictObject({
  input: z.string().min(1).describe('The intent to govern.'),
  domain: z.string().regex(domainPattern, 'must be lower-case letters, digits and dashes').optional().describe('Policy domain; default "default".'),
  includeReasons: z.boolean().optional().describe('Ask each layer for {output, reason}.'),
  metadata: z
    .record(z.string().max(64), z.string().max(512))
    .refine((value) => Object.keys(value).length <= 32, { message: 'at most 32 entries' })
    .optional()
    .describe('Caller labels kept with the run (no personal data).'),
  subjectId: z.string().min(1).max(200).optional().describe('Data subject the run concerns (for erasure).'),
});
export type RunRequestBody = z.infer<typeof runRequestBodySchema>;

export const runParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const runListQuerySchema = z.strictObject({
  status: runStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().min(1).max(200).optional(),
});

export const runListPageSchema = z.object({
  runs: z.array(runSummarySchema),
  nextCursor: z.string().optional(),
});

/** A run that has started but not yet finished or paused. */
export const runningRunSchema = z.object({
  runId: z.string(),
  status: z.literal('running'),
  domain: z.string(),
  startedAt: z.string(),
  layersRecorded: z.number().int(),
});

export const runViewSchema = z.union([runResultSchema, runningRunSchema]);

/** `Idempotency-Key`: visible ASCII, at most 255 characters. */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;
