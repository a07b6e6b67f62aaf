import type { RedactionService } from '@dax/guards';
import type { Dax } from '@dax/runtime';
import type { KyselyIdempotencyStore, KyselyRunEventsStore, KyselyRunStore } from '@dax/store';
import type { GatewayConfig } from './gateway-config.js';
import type { GateService } from './gates/gate-service.js';
import type { RunEventHub } from './run-event-hub.js';
import type { ShutdownController } from './shutdown-controller.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The governance runtime, over the shared store. */
    dax: Dax;
    /** The run store (API keys, run events and idempotency records share its database). */
    store: KyselyRunStore;
    gatewayConfig: GatewayConfig;
    /** Live run events of this process, for SSE followers. */
    runHub: RunEventHub;
    /** Stored event streams of finished runs. */
    runEvents: KyselyRunEventsStore;
    /** Idempotency-Key records of POST /v1/runs. */
    idempotency: KyselyIdempotencyStore;
    /** The one redaction service: log lines, problem details, request and response logging. */
    redaction: RedactionService;
    /** In-flight run tracking for graceful shutdown. */
    shutdown: ShutdownController;
    /** Human gates (DA-7): decisions, SLA sweep, notifications. */
    gates: GateService;
  }
}

export {};
