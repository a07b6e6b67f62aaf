import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { BulkheadRejectedError, TaskCancelledError, type BulkheadPolicy } from 'cockatiel';
import { ProviderError } from './provider-error.js';

/**
 * Routes a provider's calls through a bulkhead shared by every upstream call of
 * the process: at most its capacity run at once, a bounded queue waits, and
 * anything beyond fails at once with `DAX_E_PROVIDER_BULKHEAD_FULL` (retryable:
 * the router backs off and tries again). A queued call leaves when its caller
 * gives up.
 */
export function withBulkhead(provider: ModelProvider, bulkhead: BulkheadPolicy): ModelProvider {
  return {
    ...provider,
    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      try {
        return await bulkhead.execute(() => provider.call(request), request.signal);
      } catch (error) {
        if (error instanceof BulkheadRejectedError) {
          throw new ProviderError('DAX_E_PROVIDER_BULKHEAD_FULL', {
            detail: `Upstream calls are at capacity (${bulkhead.executionSlots} free slots).`,
          });
        }
        if (error instanceof TaskCancelledError) throw request.signal.reason ?? error;
        throw error;
      }
    },
  };
}
