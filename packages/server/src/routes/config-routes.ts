import { diffConfigVersions, parseMigrationNote, type ConfigVersion } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Identity } from '../identity.js';
import { problemDetailsSchema } from '../problem-details.js';
import { requireRole } from '../require-role.js';
import {
  diffQuerySchema,
  diffSchema,
  domainParamsSchema,
  domainQuerySchema,
  historySchema,
  proposeBodySchema,
  rollbackBodySchema,
  versionIdParamsSchema,
  versionViewSchema,
} from './config-schemas.js';

const problems = { '4xx': problemDetailsSchema, '5xx': problemDetailsSchema };

type VersionView = z.infer<typeof versionViewSchema>;

/** A version as the API shows it; without its (possibly large) content unless asked. */
function view(version: ConfigVersion, withContent = false): VersionView {
  const { content, approvals, ...rest } = version;
  return {
    ...rest,
    approvals: approvals.map((approval) => ({ actor: approval.actor, groups: [...approval.groups], at: approval.at })),
    ...(withContent ? { content } : {}),
  };
}

const summary = (version: ConfigVersion): VersionView => view(version);

/**
 * The configuration admin API: propose, approve, activate, roll back, read history
 * and diffs. Configuration is installation-wide, so only identities of the
 * `governance.adminTenants` may use it. Approval groups come from the OIDC `groups`
 * claim and from `governance.groupMembers`.
 */
export function configRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const settings = fastify.gatewayConfig.governance;

  const adminTenant = (request: FastifyRequest): Promise<void> =>
    settings.adminTenants.includes(request.identity.tenant)
      ? Promise.resolve()
      : Promise.reject(new DaxError('DAX_E_FORBIDDEN', { detail: 'Configuration is managed from an admin tenant only.' }));
  const changers = [requireRole('operator'), adminTenant];
  const approvers = [requireRole('approver', 'reviewer'), adminTenant];
  const readers = [requireRole('auditor', 'reviewer', 'approver', 'operator'), adminTenant];
  const governance = () => fastify.dax.governance();

  function groupsOf(identity: Identity): string[] {
    const configured = Object.entries(settings.groupMembers).flatMap(([group, members]) => (members.includes(identity.subject) ? [group] : []));
    return [...new Set([...(identity.groups ?? []), ...configured])];
  }

  app.post(
    '/v1/config/versions',
    { preHandler: changers, schema: { tags: ['config'], summary: 'Propose a configuration version', body: proposeBodySchema, response: { 201: versionViewSchema, ...problems } } },
    async (request, reply) => {
      const { domain, kind, content, note } = request.body;
      if ((kind === 'models') !== (domain === '*')) throw new DaxError('DAX_E_USAGE', { detail: 'The model policy is proposed with domain "*" and kind "models"; layer files with a domain name.' });
      let version: ConfigVersion;
      try {
        version = await (await governance()).propose({
          domain,
          kind,
          content,
          note: typeof note === 'string' ? parseMigrationNote(note) : note,
          actor: request.identity.subject,
        });
      } catch (error) {
        // A proposed file that does not parse is the caller's input, not the gateway's configuration.
        if (DaxError.isInstance(error) && error.code === 'DAX_E_CONFIG_INVALID') throw new DaxError('DAX_E_INPUT_INVALID', { detail: error.detail, cause: error });
        throw error;
      }
      return reply.code(201).send(summary(version));
    },
  );

  app.get(
    '/v1/config/versions/:id',
    { preHandler: readers, schema: { tags: ['config'], summary: 'One configuration version with its content', params: versionIdParamsSchema, querystring: domainQuerySchema, response: { 200: versionViewSchema, ...problems } } },
    async (request) => view(await (await governance()).get(request.params.id, request.query.domain), true),
  );

  app.post(
    '/v1/config/versions/:id/approve',
    { preHandler: approvers, schema: { tags: ['config'], summary: 'Approve a proposed version (never your own)', params: versionIdParamsSchema, querystring: domainQuerySchema, response: { 200: versionViewSchema, ...problems } } },
    async (request) => {
      const { identity } = request;
      const version = await (await governance()).approve({
        versionId: request.params.id,
        actor: identity.subject,
        groups: groupsOf(identity),
        ...(request.query.domain === undefined ? {} : { domain: request.query.domain }),
      });
      return summary(version);
    },
  );

  app.post(
    '/v1/config/versions/:id/activate',
    { preHandler: changers, schema: { tags: ['config'], summary: 'Activate an approved version', params: versionIdParamsSchema, querystring: domainQuerySchema, response: { 200: versionViewSchema, ...problems } } },
    async (request) => {
      const version = await (await governance()).activate({
        versionId: request.params.id,
        actor: request.identity.subject,
        ...(request.query.domain === undefined ? {} : { domain: request.query.domain }),
      });
      return summary(version);
    },
  );

  app.post(
    '/v1/config/domains/:domain/rollback',
    { preHandler: changers, schema: { tags: ['config'], summary: 'Return a domain to its previously active version', params: domainParamsSchema, body: rollbackBodySchema.optional(), response: { 200: versionViewSchema, ...problems } } },
    async (request) => {
      const version = await (await governance()).rollback({ domain: request.params.domain, kind: request.body?.kind ?? 'layers', actor: request.identity.subject });
      return summary(version);
    },
  );

  app.get(
    '/v1/config/domains/:domain/history',
    { preHandler: readers, schema: { tags: ['config'], summary: "A domain's versions and audit trail", params: domainParamsSchema, response: { 200: historySchema, ...problems } } },
    async (request) => {
      const history = await (await governance()).history(request.params.domain);
      return { versions: history.versions.map(summary), audit: [...history.audit] };
    },
  );

  app.get(
    '/v1/config/diff',
    { preHandler: readers, schema: { tags: ['config'], summary: 'Per-layer prompt diff between two versions', querystring: diffQuerySchema, response: { 200: diffSchema, ...problems } } },
    async (request) => {
      const session = await governance();
      const [from, to] = await Promise.all([session.get(request.query.from, request.query.domain), session.get(request.query.to, request.query.domain)]);
      if (from.kind !== to.kind) throw new DaxError('DAX_E_USAGE', { detail: 'Both versions must be of the same kind.' });
      const diff = await diffConfigVersions(from, to);
      return { from: diff.from, to: diff.to, changes: diff.changes.map((change) => ({ ...change, fields: [...change.fields] })) };
    },
  );
  return Promise.resolve();
}
