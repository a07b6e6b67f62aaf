import { z } from 'zod';

const layerReplySchema = z.object({ output: z.string(), reason: z.string().optional() });

export interface LayerReply {
  readonly output: string;
  readonly reason?: string;
}

/** Strips a Markdown code fence a model may wrap JSON in. */
function unfence(text: string): string {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/.exec(trimmed);
  return fenced?.[1] ?? trimmed;
}

/**
 * Parses a layer's `{output, reason}` JSON reply (used with includeReasons).
 * Returns undefined when the reply is not valid JSON of that shape.
 */
export function parseLayerReply(text: string): LayerReply | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(unfence(text));
  } catch {
    return undefined;
  }
  const parsed = layerReplySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const output = parsed.data.output.trim();
  return parsed.data.reason === undefined ? { output } : { output, reason: parsed.data.reason.trim() };
}

export const reaskSuffix =
  '\nYour previous answer was not valid JSON. Answer with one JSON object only: {"output": "<stabilized text>", "reason": "<brief audit note>"}.';
