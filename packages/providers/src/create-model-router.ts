import { LayerInvocationError, type LayerInvocation, type LayerInvocationResult, type ModelProvider, type ModelRouter } from '@dax/core';
import { DaxError, type Attempt } from '@dax/protocol';
import { abortableSleep, type Sleep } from './abortable-sleep.js';
import { callWithTimeout } from './call-with-timeout.js';
import { computeBackoffDelay } from './compute-backoff-delay.js';
import { parseModelRef } from './parse-model-ref.js';
import { ProviderError } from './provider-error.js';
import { resolveRetryOptions, type RetryOptions } from './retry-options.js';

export interface ModelRouterOptions {
  /** Providers by the name model references use (`xai` in `xai:grok-4`). */
  readonly providers: ReadonlyMap<string, ModelProvider> | Readonly<Record<string, ModelProvider>>;
  /** The reference used when a layer names no model, e.g. `offline` or `xai:grok-4`. */
  readonly defaultModel: string;
  readonly retry?: Partial<RetryOptions>;
  /** Waits between attempts. Defaults to a timer that the caller's signal cancels. */
  readonly sleep?: Sleep;
  /** Source of jitter in [0, 1). Defaults to Math.random. */
  readonly random?: () => number;
  /** Monotonic milliseconds for attempt durations. Defaults to performance.now. */
  readonly now?: () => number;
}

/** Security refusals end the layer at once: no retry, no fallback to hide them behind. */
const stopsTheLayer: ReadonlySet<string> = new Set(['DAX_E_EGRESS_DENIED', 'DAX_E_TLS_PIN_MISMATCH']);

function toProviderMap(providers: ModelRouterOptions['providers']): ReadonlyMap<string, ModelProvider> {
  return providers instanceof Map ? new Map(providers) : new Map(Object.entries(providers));
}

/**
 * The resilient router: per model reference, up to `maxAttempts` attempts with a
 * per-attempt timeout and jittered exponential backoff for retryable failures, then
 * the next reference. Written without cockatiel: its retry policy sleeps on its own
 * timer (not injectable, not cancelled by the caller's signal) and records no
 * per-attempt durations, which this router must report.
 */
export function createModelRouter(options: ModelRouterOptions): ModelRouter {
  const providers = toProviderMap(options.providers);
  const retry = resolveRetryOptions(options.retry);
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => performance.now());
  const defaultModel = options.defaultModel;

  function elapsedSince(started: number): number {
    return Math.round((now() - started) * 1000) / 1000;
  }

  function aborted(invocation: LayerInvocation, attempts: readonly Attempt[]): LayerInvocationError {
    const reason: unknown = invocation.signal.reason;
    if (DaxError.isInstance(reason) && reason.code === 'DAX_E_RUN_DEADLINE') {
      return new LayerInvocationError('DAX_E_RUN_DEADLINE', attempts, `${invocation.layer.name} was stopped at the run deadline.`);
    }
    return new LayerInvocationError('DAX_E_RUN_ABORTED', attempts, `${invocation.layer.name} was cancelled.`);
  }

  async function invoke(invocation: LayerInvocation): Promise<LayerInvocationResult> {
    const { signal } = invocation;
    const attempts: Attempt[] = [];
    const references = invocation.models.length > 0 ? invocation.models : [defaultModel];
    let lastError: DaxError | undefined;
    if (signal.aborted) throw aborted(invocation, attempts);

    for (const [referenceIndex, reference] of references.entries()) {
      const target = parseModelRef(reference);
      const firstReason = referenceIndex === 0 ? 'primary' : 'fallback';
      const provider = providers.get(target.provider);
      if (provider === undefined) {
        lastError = new DaxError('DAX_E_PROVIDER_UNKNOWN', { detail: `No provider named "${target.provider}" is configured.` });
        attempts.push({ provider: target.provider, model: target.model ?? '', outcome: 'error', errorCode: lastError.code, durationMs: 0, reason: firstReason });
        continue;
      }
      const model = target.model ?? provider.defaultModel;
      const request = {
        layer: invocation.layer,
        model,
        prompt: invocation.prompt,
        json: invocation.json,
        facts: invocation.facts,
        ...(invocation.temperature === undefined ? {} : { temperature: invocation.temperature }),
        ...(invocation.maxTokens === undefined ? {} : { maxTokens: invocation.maxTokens }),
      };

      for (let attempt = 1; ; attempt += 1) {
        const started = now();
        const reason = attempt === 1 ? firstReason : 'retry';
        try {
          const result = await callWithTimeout(provider, request, signal, invocation.timeoutMs);
          attempts.push({ provider: target.provider, model, outcome: 'ok', durationMs: elapsedSince(started), reason });
          return { text: result.text, model: `${target.provider}:${result.model}`, usage: result.usage, attempts };
        } catch (error) {
          const durationMs = elapsedSince(started);
          if (signal.aborted) {
            attempts.push({ provider: target.provider, model, outcome: 'error', errorCode: 'DAX_E_RUN_ABORTED', durationMs, reason });
            throw aborted(invocation, attempts);
          }
          const failure = DaxError.isInstance(error)
            ? error
            : new DaxError('DAX_E_INTERNAL', { detail: `Provider "${target.provider}" failed unexpectedly.`, cause: error });
          attempts.push({ provider: target.provider, model, outcome: 'error', errorCode: failure.code, durationMs, reason });
          lastError = failure;
          if (stopsTheLayer.has(failure.code)) {
            throw new LayerInvocationError(failure.code, attempts, `${invocation.layer.name}: ${failure.code} on ${target.provider}; no fallback after a security refusal.`, failure);
          }
          if (!failure.retryable || attempt >= retry.maxAttempts) break;
        }
        const retryAfterMs = ProviderError.isInstance(lastError) ? lastError.retryAfterMs : undefined;
        try {
          await sleep(computeBackoffDelay(attempt, retryAfterMs, retry, random), signal);
        } catch (error) {
          if (!signal.aborted) throw new LayerInvocationError('DAX_E_INTERNAL', attempts, 'The retry wait failed.', error);
        }
        if (signal.aborted) throw aborted(invocation, attempts);
      }
    }

    const last = lastError ?? new DaxError('DAX_E_INTERNAL');
    throw new LayerInvocationError(
      last.code,
      attempts,
      `${invocation.layer.name}: ${attempts.length} attempt(s) on ${references.length} model(s) failed; last ${last.code}.`,
      last,
    );
  }

  return { invoke, defaultModel };
}
