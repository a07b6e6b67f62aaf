import { DaxError } from '@dax/protocol';
import { runEvidenceBundle } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../require-role.js';

const runParamsSchema = z.object({ runId: z.string().min(1).max(200) });

const checkpointSchema = z.object({
  treeSize: z.number().int(),
  rootHash: z.string().describe('Base64 RFC 6962 root hash'),
  note: z.string().describe('The checkpoint as a C2SP signed note'),
});

const evidenceSchema = z.object({
  runId: z.string(),
  evidenceId: z.string(),
  revision: z.string(),
  statement: z.unknown(),
  envelopeJson: z.string().describe('The DSSE envelope exactly as hashed into the log'),
  keyId: z.string(),
  publicKeyPem: z.string(),
});

const proofSchema = z.object({
  inclusionProof: z.object({
    runId: z.string(),
    leafIndex: z.number().int(),
    treeSize: z.number().int(),
    leafHash: z.string(),
    hashes: z.array(z.string()),
    rootHash: z.string(),
  }),
  checkpoint: checkpointSchema,
});

/**
 * The auditor API over the evidence log, for the auditor role (or admin) and
 * scoped to the caller's tenant: a run's envelope and statement, its inclusion
 * proof with the checkpoint it is proved against, and the latest checkpoint.
 */
export function evidenceRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const auditors = requireRole('auditor');

  app.get(
    '/v1/evidence/checkpoint',
    { preHandler: auditors, schema: { tags: ['evidence'], summary: 'The latest signed checkpoint of the evidence log', response: { 200: checkpointSchema } } },
    async () => {
      const checkpoint = await fastify.store.evidence.latestCheckpoint();
      if (checkpoint === undefined) throw new DaxError('DAX_E_EVIDENCE_NOT_FOUND', { detail: 'The evidence log is empty.' });
      return { ...checkpoint };
    },
  );

  app.get(
    '/v1/evidence/:runId',
    {
      preHandler: auditors,
      schema: { tags: ['evidence'], summary: "A run's latest signed evidence envelope", params: runParamsSchema, response: { 200: evidenceSchema } },
    },
    async (request) => {
      const bundle = await runEvidenceBundle(fastify.store.evidence, request.params.runId, request.identity.tenant);
      return {
        runId: bundle.runId,
        evidenceId: bundle.evidenceId,
        revision: bundle.revision,
        statement: bundle.statement,
        envelopeJson: bundle.envelopeJson,
        keyId: bundle.keyId,
        publicKeyPem: bundle.publicKeyPem,
      };
    },
  );

  app.get(
    '/v1/evidence/:runId/proof',
    {
      preHandler: auditors,
      schema: {
        tags: ['evidence'],
        summary: "Inclusion proof of a run's latest envelope in the latest checkpoint",
        params: runParamsSchema,
        response: { 200: proofSchema },
      },
    },
    async (request) => {
      const bundle = await runEvidenceBundle(fastify.store.evidence, request.params.runId, request.identity.tenant);
      return { inclusionProof: { ...bundle.inclusionProof, hashes: [...bundle.inclusionProof.hashes] }, checkpoint: { ...bundle.checkpoint } };
    },
  );

  return Promise.resolve();
}
