import type { RunResult } from '@dax/protocol';
import type { z } from 'zod';
import type { chatRunExtensionSchema, chatUsageSchema } from './chat-response-schemas.js';

/** The `dax` extension field of chat responses: what governance decided, beside the OpenAI fields. */
export type ChatRunExtension = z.infer<typeof chatRunExtensionSchema>;

export function chatRunExtension(result: RunResult): ChatRunExtension {
  return { runId: result.runId, status: result.status, decision: result.decision, risk: result.risk };
}

/** The completion id an OpenAI client sees; it carries the run id. */
export function chatCompletionId(runId: string): string {
  return `chatcmpl-${runId}`;
}

/** Unix seconds of an ISO time, as OpenAI's `created`. */
export function createdSeconds(isoTime: string): number {
  return Math.floor(Date.parse(isoTime) / 1000);
}

/** OpenAI's `system_fingerprint`: here the layer configuration the run used. */
export function systemFingerprint(configHash: string): string {
  return `dax-${configHash.slice(0, 16)}`;
}

/** Token usage in OpenAI's shape (estimated for the offline provider). */
export function chatUsage(result: RunResult): z.infer<typeof chatUsageSchema> {
  const { inputTokens, outputTokens } = result.usage;
  return { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens };
}
