import { resolve } from 'node:path';
import { DaxError } from '@dax/protocol';
import { runEvidenceBundle } from '@dax/store';
import { z } from 'zod';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { problemError } from '../remote-problem.js';
import { remoteTarget, type RemoteTarget } from '../remote-target.js';
import { evidenceFiles, writeEvidenceFiles, type EvidenceExport } from './evidence-files.js';
import { openLocalStore } from './local-store.js';

const remoteEvidenceSchema = z.object({ envelopeJson: z.string(), keyId: z.string(), publicKeyPem: z.string() });
const remoteProofSchema = z.object({
  inclusionProof: z.object({
    leafIndex: z.number().int(),
    treeSize: z.number().int(),
    leafHash: z.string(),
    hashes: z.array(z.string()),
    rootHash: z.string(),
  }),
  checkpoint: z.object({ note: z.string() }),
});

async function fetchJson(target: RemoteTarget, path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl}${path}`, { headers: { authorization: `Bearer ${target.apiKey}`, accept: 'application/json' } });
  } catch (error) {
    throw new DaxError('DAX_E_NOT_READY', { detail: `Could not reach the gateway at ${target.baseUrl}.`, cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemError(response.status, body);
  return body;
}

async function remoteExport(target: RemoteTarget, runId: string): Promise<EvidenceExport> {
  const path = `/v1/evidence/${encodeURIComponent(runId)}`;
  const evidence = remoteEvidenceSchema.safeParse(await fetchJson(target, path));
  const proof = remoteProofSchema.safeParse(await fetchJson(target, `${path}/proof`));
  if (!evidence.success || !proof.success) {
    throw new DaxError('DAX_E_INTERNAL', { detail: 'The gateway answered with an unexpected body: is --url a Dax gateway?' });
  }
  const origin = proof.data.checkpoint.note.split('\n', 1)[0] ?? '';
  return { runId, ...evidence.data, inclusionProof: proof.data.inclusionProof, checkpointNote: proof.data.checkpoint.note, origin };
}

async function localExport(io: CliIo, globals: GlobalOptions, runId: string): Promise<EvidenceExport> {
  const store = await openLocalStore(io, globals);
  try {
    const bundle = await runEvidenceBundle(store.evidence, runId);
    return {
      runId,
      envelopeJson: bundle.envelopeJson,
      keyId: bundle.keyId,
      publicKeyPem: bundle.publicKeyPem,
      inclusionProof: bundle.inclusionProof,
      checkpointNote: bundle.checkpoint.note,
      origin: store.evidence.settings.origin,
    };
  } finally {
    await store.close();
  }
}

/**
 * `dax evidence export <runId> --out DIR`: the statement, envelope, signed bytes,
 * signature, public key, inclusion proof and checkpoint of a run, checked before
 * they are written, for verification with openssl and a few lines of code.
 */
export default function evidenceExportCommand(runId: string, options: { out: string; json?: boolean; url?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const target = remoteTarget(io, options.url);
    const bundle = target === undefined ? await localExport(io, globals, runId) : await remoteExport(target, runId);
    const directory = resolve(io.cwd, options.out);
    const names = await writeEvidenceFiles(directory, evidenceFiles(bundle));
    if (options.json === true) {
      writeLine(io.stdout, JSON.stringify({ runId, directory, files: names }));
    } else {
      writeLine(io.stdout, `Exported the evidence of ${runId} to ${directory}:`);
      for (const name of names) writeLine(io.stdout, `  ${name}`);
      writeLine(io.stdout, 'Verify: openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in pae.bin -sigfile signature.bin');
    }
    return exitCodes.ok;
  };
}
