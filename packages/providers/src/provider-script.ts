import { z } from 'zod';

const times = z.number().int().positive().optional();
/** After a fault's `times` calls, the entry answers with this text (offline when absent). */
const afterFault = { times, output: z.string().optional(), reason: z.string().optional() };

const answerEntrySchema = z
  .strictObject({
    fault: z.literal(undefined).optional(),
    output: z.string().optional(),
    outputs: z.array(z.string()).min(1).optional(),
    reason: z.string().optional(),
  })
  .refine((entry) => (entry.output === undefined) !== (entry.outputs === undefined), {
    message: 'an entry without "fault" needs exactly one of "output" or "outputs"',
  });

const httpFaultSchema = z.strictObject({
  fault: z.literal('http'),
  status: z.number().int().min(400).max(599),
  /** The upstream body the fault pretends to send; like a real one, it never reaches an error. */
  body: z.string().optional(),
  /** Seconds, as in an HTTP `Retry-After` header. */
  retryAfter: z.number().nonnegative().optional(),
  ...afterFault,
});

const timeoutFaultSchema = z.strictObject({ fault: z.literal('timeout'), ...afterFault });
const resetFaultSchema = z.strictObject({ fault: z.literal('reset'), ...afterFault });
const malformedFaultSchema = z.strictObject({
  fault: z.literal('malformed'),
  /** `error`: a broken vendor answer; `text`: a reply that is not the requested JSON. */
  as: z.enum(['error', 'text']).optional(),
  ...afterFault,
});
const slowFaultSchema = z.strictObject({ fault: z.literal('slow'), delayMs: z.number().int().nonnegative(), ...afterFault });

export const scriptEntrySchema = z.discriminatedUnion(
  'fault',
  [answerEntrySchema, httpFaultSchema, timeoutFaultSchema, resetFaultSchema, malformedFaultSchema, slowFaultSchema],
  { error: 'unknown "fault": use http, timeout, reset, malformed or slow (or no "fault" for an answer)' },
);
export type ScriptEntry = z.infer<typeof scriptEntrySchema>;

/** Script keys are layer names: `DA-1` … `DA-13` and `DA-X`. */
export const scriptLayerNamePattern = /^DA-(?:[1-9]|1[0-3]|X)$/;
const layerNameSchema = z.string().regex(scriptLayerNamePattern, 'must be a layer name such as "DA-6" or "DA-X"');

export const scriptLayerMapSchema = z.record(layerNameSchema, scriptEntrySchema);
export type ScriptLayerMap = z.infer<typeof scriptLayerMapSchema>;

/** A policy domain name, as a run request names it. */
const domainNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a policy domain name such as "drill-outage"');

/**
 * A scripted-provider file: per-layer entries, optional per-model overrides and
 * optional per-domain overrides (selected by the run's policy domain, for drills).
 * See docs/scripted-provider.md.
 */
export const providerScriptSchema = z
  .object({
    models: z.record(z.string().min(1), scriptLayerMapSchema).optional(),
    domains: z.record(domainNameSchema, scriptLayerMapSchema).optional(),
  })
  .catchall(scriptEntrySchema)
  .superRefine((script, context) => {
    for (const key of Object.keys(script)) {
      if (key !== 'models' && key !== 'domains' && !scriptLayerNamePattern.test(key)) {
        context.addIssue({ code: 'custom', path: [key], message: 'must be a layer name such as "DA-6" or "DA-X", "models" or "domains"' });
      }
    }
  });

/** One layer's entry as written in a script. */
export type ScriptEntryInput = z.input<typeof scriptEntrySchema>;

/** Entries by layer name, as written in a script. */
export type ScriptLayers = { readonly [layer: `DA-${string}`]: ScriptEntryInput | undefined };

/**
 * A script as written in a file (or inline in a test): entries by layer name, and
 * optional per-model maps under `models` and per-domain maps under `domains`. See docs/scripted-provider.md.
 */
export type ProviderScript = ScriptLayers & {
  readonly models?: Readonly<Record<string, ScriptLayers>>;
  /** Entries by the run's policy domain; they take precedence over `models` and the top level. */
  readonly domains?: Readonly<Record<string, ScriptLayers>>;
};
