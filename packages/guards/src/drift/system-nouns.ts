/** Nouns that name a kind of system or place a task targets, with their canonical form. */
export const systemNouns: Readonly<Record<string, string>> = {
  table: 'table', database: 'database', db: 'database', schema: 'schema', service: 'service',
  cluster: 'cluster', bucket: 'bucket', queue: 'queue', topic: 'topic', repo: 'repository',
  repository: 'repository', server: 'server', namespace: 'namespace', worker: 'worker', branch: 'branch',
  index: 'index', collection: 'collection', instance: 'instance', pipeline: 'pipeline', group: 'group',
  vpc: 'vpc', subnet: 'subnet', vault: 'vault', dataset: 'dataset', channel: 'channel', site: 'site',
  office: 'office', warehouse: 'warehouse', datacenter: 'datacenter', team: 'team', department: 'department',
  endpoint: 'endpoint', tenant: 'tenant', portal: 'portal', console: 'console', dashboard: 'dashboard',
  workspace: 'workspace', replica: 'replica', org: 'organisation', organisation: 'organisation', organization: 'organisation',
};
