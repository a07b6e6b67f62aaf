import type { ModelUsage } from '@dax/core';
import { estimateTokens } from './estimate-tokens.js';

/** Usage as reported by the provider, estimated from the texts where it reported nothing. */
export function modelUsageOf(
  reportedInput: number | undefined,
  reportedOutput: number | undefined,
  prompt: string,
  text: string,
): ModelUsage {
  return {
    inputTokens: reportedInput ?? estimateTokens(prompt),
    outputTokens: reportedOutput ?? estimateTokens(text),
    estimated: reportedInput === undefined || reportedOutput === undefined,
  };
}
