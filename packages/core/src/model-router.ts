import type { Attempt } from '@dax/protocol';
import type { LayerFacts, LayerIdentity, ModelUsage } from './model-provider.js';
import type { ModelPolicy } from './model-policy.js';

export interface LayerInvocation {
  readonly layer: LayerIdentity;
  readonly prompt: string;
  readonly json: boolean;
  /** Ordered model references to try: the layer's model, then its fallbacks. */
  readonly models: readonly string[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly facts: LayerFacts;
  /** The run's model policy: every model is checked against it right before it is called. */
  readonly modelPolicy?: ModelPolicy;
}

export interface LayerInvocationResult {
  readonly text: string;
  /** `provider:model` that answered. */
  readonly model: string;
  readonly usage: ModelUsage;
  /** Every attempt, failed ones included, in order. */
  readonly attempts: readonly Attempt[];
}

/**
 * Calls a layer's models with per-attempt timeouts, retries with backoff for
 * retryable failures, and fallback to the next model. Throws
 * `LayerInvocationError` (attempts attached) when every model failed.
 */
export interface ModelRouter {
  invoke(invocation: LayerInvocation): Promise<LayerInvocationResult>;
  /** The reference used when a layer names no model. */
  readonly defaultModel: string;
}
