import { randomUUID } from 'node:crypto';
import { readResumeState, type Clock } from '@dax/core';
import type { KyselyGateStore } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { resumeRun } from '../resume-run.js';
import { GateService } from './gate-service.js';
import type { Rotations } from './load-rotations.js';

/** The gateway's gate service: resumes runs through the gateway, publishes gate events to live followers. */
export function createGateService(app: FastifyInstance, options: { readonly gates: KyselyGateStore; readonly clock: Clock; readonly rotations: Rotations }): GateService {
  return new GateService({
    gates: options.gates,
    rotations: options.rotations,
    clock: options.clock,
    owner: `gateway-${randomUUID()}`,
    resumeRun: (tenant, runId, approvals, eventSeq) => resumeRun(app, tenant, { runId, approvals, eventSeq }),
    pausedRun: async (runId) => {
      const result = await app.store.getRun(runId);
      const state = await app.store.getPausedState(runId);
      if (result === undefined || state === undefined) return undefined;
      const { tenant, caller } = readResumeState(state);
      return { result, tenant, ...(caller === undefined ? {} : { caller }) };
    },
    onEvent: (tenant, event) => {
      if (app.runHub.isLive(event.runId, tenant)) app.runHub.publish(tenant, event);
    },
    onError: (error, context) => app.log.warn({ err: error }, context),
    redact: (text) => app.dax.redact(text).text,
  });
}
