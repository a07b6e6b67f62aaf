import type { RunEvent, RunResult } from '@dax/protocol';
import type { FastifyInstance } from 'fastify';
import { checkTenantDomain } from './check-tenant-domain.js';
import type { Identity } from './identity.js';

/** What a caller asks of one governed run over HTTP. */
export interface GatewayRunInput {
  readonly input: string;
  readonly domain?: string;
  readonly includeReasons?: boolean;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly subjectId?: string;
}

export interface ExecuteRunOptions {
  readonly identity: Identity;
  readonly run: GatewayRunInput;
  /** Each event as it happens, after the hub has it. */
  readonly onEvent?: (event: RunEvent) => void;
  /** Cancels the run (the run is then recorded as failed with DAX_E_RUN_ABORTED). */
  readonly signal?: AbortSignal;
  /** The caller's W3C `traceparent` (and `tracestate`): the run's spans continue that trace. */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** Metrics and spans of a run; their failure is logged and never changes the run's outcome. */
function observeRun(fastify: FastifyInstance, events: readonly RunEvent[], result: RunResult | undefined, options: ExecuteRunOptions): void {
  try {
    fastify.observability.observeRun(events, result, {
      tenant: options.identity.tenant,
      ...(options.traceparent === undefined ? {} : { traceparent: options.traceparent }),
      ...(options.tracestate === undefined ? {} : { tracestate: options.tracestate }),
    });
  } catch (error) {
    fastify.log.warn({ err: error, runId: result?.runId }, 'run metrics or spans not recorded');
  }
}

function usageTokens(result: RunResult): number {
  return result.usage.inputTokens + result.usage.outputTokens;
}

/** Opens the paused run's human gate; if that fails the run stays paused and the sweep opens it later. */
async function openGateOf(fastify: FastifyInstance, result: RunResult, identity: Identity): Promise<void> {
  try {
    await fastify.gates.openForRun(result, { tenant: identity.tenant, caller: identity.subject });
  } catch (error) {
    fastify.log.warn({ err: error, runId: result.runId }, 'human gate not opened yet; the sweep retries');
  }
}

/**
 * Runs one intent for an authenticated caller the way every gateway route must:
 * admitted by the shutdown controller (503 once draining), within the tenant's
 * concurrency and budget limits, scoped to the caller's tenant, its events
 * published live on the hub and stored when the run ends, and its token usage
 * recorded against the tenant's budget.
 */
export async function executeRun(fastify: FastifyInstance, options: ExecuteRunOptions): Promise<RunResult> {
  const { identity, run } = options;
  checkTenantDomain(fastify.gatewayConfig, identity.tenant, run.domain ?? 'default');
  const ticket = fastify.shutdown.admit();
  const events: RunEvent[] = [];
  let runId: string | undefined;
  let release: (() => void) | undefined;
  let result: RunResult | undefined;
  let paused: RunResult | undefined;
  try {
    release = await fastify.runLimits.acquire(identity);
    result = await fastify.dax.run({
      input: run.input,
      tenant: identity.tenant,
      signal: options.signal === undefined ? ticket.signal : AbortSignal.any([ticket.signal, options.signal]),
      ...(run.domain === undefined ? {} : { domain: run.domain }),
      ...(run.includeReasons === undefined ? {} : { includeReasons: run.includeReasons }),
      ...(run.metadata === undefined ? {} : { metadata: run.metadata }),
      ...(run.subjectId === undefined ? {} : { subjectId: run.subjectId }),
      caller: identity.subject,
      onEvent: (event) => {
        runId ??= event.runId;
        events.push(event);
        fastify.runHub.publish(identity.tenant, event);
        options.onEvent?.(event);
      },
    });
    try {
      await fastify.runLimits.recordUsage(identity.tenant, usageTokens(result));
    } catch (error) {
      // The run is done and stored; its tokens go uncounted rather than failing the answer.
      fastify.log.warn({ code: (error as { code?: unknown }).code, runId }, 'run usage could not be recorded against the budget');
    }
    paused = result.status === 'awaiting_approval' ? result : undefined;
    return result;
  } finally {
    release?.();
    if (runId !== undefined) {
      try {
        await fastify.runEvents.appendEvents(events);
      } catch (error) {
        fastify.log.warn({ err: error, runId }, 'run events could not be stored; replay after the run ends is incomplete');
      }
      fastify.runHub.end(runId);
      observeRun(fastify, events, result, options);
    }
    if (paused !== undefined) await openGateOf(fastify, paused, identity);
    ticket.done();
  }
}
