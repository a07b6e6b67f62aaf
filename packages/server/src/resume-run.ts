import type { Approval, RunEvent, RunResult } from '@dax/protocol';
import type { FastifyInstance } from 'fastify';

/**
 * Continues a paused run after its gate was decided, the way the gateway runs
 * everything: admitted by the shutdown controller, its events published live on
 * the hub (to the run's tenant) and stored when it ends, and the tokens of the
 * resumed layers recorded against the tenant's budget.
 */
export async function resumeRun(
  fastify: FastifyInstance,
  tenant: string,
  request: { readonly runId: string; readonly approvals: readonly Approval[]; readonly eventSeq: number },
): Promise<RunResult> {
  const ticket = fastify.shutdown.admit();
  const events: RunEvent[] = [];
  try {
    const before = (await fastify.dax.getRun(request.runId, tenant))?.usage;
    const result = await fastify.dax.resume({
      runId: request.runId,
      approvals: request.approvals,
      eventSeq: request.eventSeq,
      signal: ticket.signal,
      onEvent: (event) => {
        events.push(event);
        fastify.runHub.publish(tenant, event);
      },
    });
    // Metrics and spans of the resumed part: the run's final status and the gate's outcome.
    try {
      fastify.observability.observeRun(events, result, { tenant });
    } catch (error) {
      fastify.log.warn({ err: error, runId: request.runId }, 'run metrics or spans not recorded');
    }
    // The layers after DA-7 spend the tenant's tokens like any run.
    const spent = result.usage.inputTokens + result.usage.outputTokens - (before === undefined ? 0 : before.inputTokens + before.outputTokens);
    if (spent > 0) {
      try {
        await fastify.runLimits.recordUsage(tenant, spent);
      } catch (error) {
        // The run is done and stored; its tokens go uncounted rather than failing the decision.
        fastify.log.warn({ code: (error as { code?: unknown }).code, runId: request.runId }, 'run usage could not be recorded against the budget');
      }
    }
    return result;
  } finally {
    if (events.length > 0) {
      try {
        await fastify.runEvents.appendEvents(events);
      } catch (error) {
        fastify.log.warn({ err: error, runId: request.runId }, 'resumed run events could not be stored');
      }
      fastify.runHub.end(request.runId);
    }
    ticket.done();
  }
}
