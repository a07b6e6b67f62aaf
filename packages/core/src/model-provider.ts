import type { RiskGrade } from '@dax/protocol';

/** What a provider is told about the layer it serves (no HTTP, storage or pipeline types). */
export interface LayerIdentity {
  readonly id: number | 'X';
  readonly name: string;
  readonly agent: string;
}

/**
 * Deterministic facts the guards established so far in the run. Remote providers
 * ignore them (they only send the prompt); the offline provider renders each
 * layer's duty from them.
 */
export interface LayerFacts {
  /** The intent as the governed chain currently holds it (redacted from DA-8 on). */
  readonly intent: string;
  readonly domain: string;
  readonly risk?: { readonly grade: RiskGrade; readonly gate: boolean; readonly reasons: readonly string[] };
  readonly policy?: { readonly decision: string; readonly ruleIds: readonly string[] };
  readonly anchorKinds?: readonly string[];
  readonly redactedTypes?: readonly string[];
  readonly categories?: readonly string[];
}

export interface ModelCallRequest {
  readonly layer: LayerIdentity;
  /** Model name within the provider (e.g. `grok-4`). */
  readonly model: string;
  readonly prompt: string;
  /** True when the layer must answer `{"output": …, "reason": …}` JSON. */
  readonly json: boolean;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly signal: AbortSignal;
  readonly facts: LayerFacts;
}

export interface ModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** True when counted by estimate (offline) rather than reported by the provider. */
  readonly estimated: boolean;
}

export interface ModelCallResult {
  readonly text: string;
  /** The model that actually answered, as the provider reports it. */
  readonly model: string;
  readonly usage: ModelUsage;
}

/**
 * Turns one layer prompt into text. Failures are thrown as `DaxError` with a
 * `DAX_E_PROVIDER_*` code and a `retryable` flag computed from the status.
 */
export interface ModelProvider {
  readonly id: string;
  readonly kind: string;
  readonly defaultModel: string;
  call(request: ModelCallRequest): Promise<ModelCallResult>;
}
