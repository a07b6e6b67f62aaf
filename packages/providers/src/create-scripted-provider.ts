import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { createOfflineProvider } from './create-offline-provider.js';
import { delayOrAbort } from './delay-or-abort.js';
import { errorFromAbort } from './error-from-abort.js';
import { estimateTokens } from './estimate-tokens.js';
import { parseProviderScript } from './parse-provider-script.js';
import { ProviderError } from './provider-error.js';
import { providerErrorFromStatus } from './provider-error-from-status.js';
import type { ProviderScript, ScriptEntry } from './provider-script.js';
import { waitForAbort } from './wait-for-abort.js';

export interface ScriptedProviderOptions {
  /** Answers unlisted layers and faults past their `times`. Defaults to a new offline provider. */
  readonly fallback?: ModelProvider;
  /** Defaults to `scripted`. */
  readonly id?: string;
  /** Names the script in validation errors. Defaults to `<inline>`. */
  readonly source?: string;
}

/** The text a `malformed` fault answers with when it plays a reply that is not the requested JSON. */
export const malformedReplyText = 'Malformed reply (scripted fault): {"output": ';

const defaultReason = 'Scripted output.';

/**
 * Canned outputs and injected faults per layer (and per model or run domain), for tests, drills
 * and red-team reproduction. Call counters live in this provider instance.
 * The format is documented in docs/scripted-provider.md.
 */
export function createScriptedProvider(script: ProviderScript, options: ScriptedProviderOptions = {}): ModelProvider {
  const parsed = parseProviderScript(script, options.source);
  const id = options.id ?? 'scripted';
  const fallback = options.fallback ?? createOfflineProvider();
  const calls = new Map<ScriptEntry, number>();

  function entryFor(request: ModelCallRequest): ScriptEntry | undefined {
    const layerName = `DA-${request.layer.id}`;
    return parsed.domains[request.facts.domain]?.[layerName] ?? parsed.models[request.model]?.[layerName] ?? parsed.layers[layerName];
  }

  function answer(request: ModelCallRequest, output: string, reason: string | undefined): ModelCallResult {
    const text = request.json ? JSON.stringify({ output, reason: reason ?? defaultReason }) : output;
    return {
      text,
      model: request.model,
      usage: { inputTokens: estimateTokens(request.prompt), outputTokens: estimateTokens(text), estimated: true },
    };
  }

  async function answerAfterFault(request: ModelCallRequest, entry: { output?: string; reason?: string }): Promise<ModelCallResult> {
    if (entry.output !== undefined) return answer(request, entry.output, entry.reason);
    const result = await fallback.call(request);
    return { ...result, model: request.model };
  }

  async function play(request: ModelCallRequest, entry: ScriptEntry, callIndex: number): Promise<ModelCallResult> {
    if (entry.fault === undefined) {
      const outputs = entry.outputs;
      const output = outputs === undefined ? (entry.output ?? '') : (outputs[Math.min(callIndex, outputs.length - 1)] ?? '');
      return answer(request, output, entry.reason);
    }
    if (entry.times !== undefined && callIndex >= entry.times) return answerAfterFault(request, entry);
    switch (entry.fault) {
      case 'http':
        throw providerErrorFromStatus(entry.status, id, entry.retryAfter === undefined ? undefined : entry.retryAfter * 1000);
      case 'timeout':
        return waitForAbort(request.signal, id);
      case 'reset':
        throw new ProviderError('DAX_E_PROVIDER_NETWORK', { detail: `Provider "${id}" could not be reached (ECONNRESET).` });
      case 'malformed': {
        const as = entry.as ?? (request.json ? 'text' : 'error');
        if (as === 'text') return answer({ ...request, json: false }, malformedReplyText, undefined);
        throw new ProviderError('DAX_E_PROVIDER_MALFORMED', { detail: `Provider "${id}" sent a body that is not JSON.` });
      }
      case 'slow':
        await delayOrAbort(entry.delayMs, request.signal, id);
        return answerAfterFault(request, entry);
    }
  }

  async function call(request: ModelCallRequest): Promise<ModelCallResult> {
    if (request.signal.aborted) throw errorFromAbort(request.signal, id);
    const entry = entryFor(request);
    if (entry === undefined) {
      const result = await fallback.call(request);
      return { ...result, model: request.model };
    }
    const callIndex = calls.get(entry) ?? 0;
    calls.set(entry, callIndex + 1);
    return play(request, entry, callIndex);
  }

  return { id, kind: 'scripted', defaultModel: 'scripted-1', call };
}
