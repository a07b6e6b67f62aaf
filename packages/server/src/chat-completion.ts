import type { RunResult } from '@dax/protocol';
import type { z } from 'zod';
import { chatOutcome } from './chat-outcome.js';
import type { chatCompletionSchema } from './chat-response-schemas.js';
import { chatCompletionId, chatRunExtension, chatUsage, createdSeconds, systemFingerprint } from './chat-run-extension.js';

/** A `chat.completion` object as OpenAI returns it, plus the `dax` extension field. */
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

/** The non-streaming answer for a run that did not fail. */
export function toChatCompletion(result: RunResult, model: string): ChatCompletion {
  const outcome = chatOutcome(result);
  return {
    id: chatCompletionId(result.runId),
    object: 'chat.completion',
    created: createdSeconds(result.startedAt),
    model,
    system_fingerprint: systemFingerprint(result.configHash),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: outcome.content, refusal: null },
        logprobs: null,
        finish_reason: outcome.finishReason,
      },
    ],
    usage: chatUsage(result),
    dax: chatRunExtension(result),
  };
}
