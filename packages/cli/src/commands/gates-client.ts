import { DaxError, gateSchema, runStatusSchema, type Gate, type RunStatus } from '@dax/protocol';
import { gateStoreFor, openSqliteStore, resolveDataDir } from '@dax/store';
import { z } from 'zod';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';
import { problemError } from '../remote-problem.js';
import { remoteTarget, type RemoteTarget } from '../remote-target.js';

const gateListSchema = z.object({ gates: z.array(gateSchema) });
const decisionSchema = z.object({ gate: gateSchema, run: z.object({ runId: z.string(), status: runStatusSchema }).optional() });

export type GateAction = 'ack' | 'approve' | 'deny';

/** What the gates commands need: read gates (remote or from the embedded store) and act on them (remote only). */
export interface GatesClient {
  list(status: string | undefined, limit: number): Promise<Gate[]>;
  show(gateId: string): Promise<Gate>;
  act(gateId: string, action: GateAction, comment: string | undefined): Promise<{ gate: Gate; run?: { runId: string; status: RunStatus } }>;
  close(): Promise<void>;
}

async function call(target: RemoteTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${target.apiKey}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new DaxError('DAX_E_NOT_READY', { detail: `Could not reach the gateway at ${target.baseUrl}.`, cause: error });
  }
  const value: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemError(response.status, value);
  return value;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new DaxError('DAX_E_INTERNAL', { detail: 'The gateway answered with an unexpected body: is --url a Dax gateway?' });
  return result.data;
}

/**
 * Remote mode (`--url`/`$DAX_URL`, key from `$DAX_API_KEY`) does everything with
 * the key's identity. Local mode reads the embedded store's gates of one tenant;
 * deciding needs an identity, so it is remote only.
 */
export function openGatesClient(io: CliIo, globals: GlobalOptions, options: { readonly url?: string; readonly tenant?: string }): GatesClient {
  const target = remoteTarget(io, options.url);
  if (target !== undefined) {
    return {
      list: async (status, limit) => parsed(gateListSchema, await call(target, 'GET', `/v1/gates?limit=${limit}${status === undefined ? '' : `&status=${encodeURIComponent(status)}`}`)).gates,
      show: async (gateId) => parsed(gateSchema, await call(target, 'GET', `/v1/gates/${encodeURIComponent(gateId)}`)),
      act: async (gateId, action, comment) =>
        parsed(decisionSchema.or(gateSchema.transform((gate) => ({ gate }))), await call(target, 'POST', `/v1/gates/${encodeURIComponent(gateId)}/${action}`, comment === undefined ? {} : { comment })),
      close: () => Promise.resolve(),
    };
  }
  const tenant = options.tenant ?? 'default';
  const store = openSqliteStore({ dataDir: globals.dataDir ?? resolveDataDir(io.env) });
  const strip = (gate: Gate): Gate => gateSchema.parse(gate);
  return {
    list: async (status, limit) => {
      const parsedStatus = status === undefined || status === 'open' ? status : gateSchema.shape.status.safeParse(status).data;
      if (status !== undefined && parsedStatus === undefined) throw new DaxError('DAX_E_USAGE', { detail: '--status must be open, opened, notified, acknowledged, approved, denied or expired.' });
      return (await gateStoreFor(await store).listGates({ tenant, limit, ...(parsedStatus === undefined ? {} : { status: parsedStatus }) })).map(strip);
    },
    show: async (gateId) => {
      const gate = await gateStoreFor(await store).getGate(gateId, tenant);
      if (gate === undefined) throw new DaxError('DAX_E_GATE_NOT_FOUND', { detail: 'List gates with: dax gates list' });
      return strip(gate);
    },
    act: () => Promise.reject(new DaxError('DAX_E_USAGE', { detail: 'Deciding a gate needs your identity: use --url (or $DAX_URL) with $DAX_API_KEY.' })),
    close: async () => (await store).close(),
  };
}
