import { checkModelReference, LayerInvocationError, type LayerInvocation, type LayerInvocationResult, type ModelRouter } from '@dax/core';
import { parseModelRef } from './parse-model-ref.js';

/**
 * Wraps a router so that, right before any model is called, every model the layer
 * may use is checked against the run's model policy. Validation already refused such
 * a configuration; this catches config and call disagreeing (a policy changed since,
 * an override, a forced model) and fails the layer closed with the policy's code.
 */
export function enforceModelPolicy(router: ModelRouter): ModelRouter {
  return {
    defaultModel: router.defaultModel,
    invoke(invocation: LayerInvocation): Promise<LayerInvocationResult> {
      const policy = invocation.modelPolicy;
      if (policy !== undefined) {
        const references = invocation.models.length > 0 ? invocation.models : [router.defaultModel];
        for (const reference of references) {
          const violation = checkModelReference(policy, invocation.facts.domain, invocation.layer.name, reference);
          if (violation === undefined) continue;
          const target = parseModelRef(reference);
          const attempt = { provider: target.provider, model: target.model ?? '', outcome: 'error' as const, errorCode: violation.code, durationMs: 0 };
          return Promise.reject(new LayerInvocationError(violation.code, [attempt], violation.detail, violation));
        }
      }
      return router.invoke(invocation);
    },
  };
}
