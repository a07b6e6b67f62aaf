import type { RunEvent, RunResult } from '@dax/protocol';
import type { FastifyInstance } from 'fastify';
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
  const ticket = fastify.shutdown.admit();
  const events: RunEvent[] = [];
  let runId: string | undefined;
  let release: (() => void) | undefined;
  let paused: RunResult | undefined;
  try {
    release = fastify.runLimits.acquire(identity);
    const result = await fastify.dax.run({
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
    fastify.runLimits.recordUsage(identity.tenant, usageTokens(result));
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
    }
    if (paused !== undefined) await openGateOf(fastify, paused, identity);
    ticket.done();
  }
}
