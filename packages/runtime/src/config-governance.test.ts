import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createVersionedConfigSource, type ConfigGovernance } from '@dax/core';
import { createGuardSuite, loadPolicySet } from '@dax/guards';
import { createModelRouter, enforceModelPolicy } from '@dax/providers';
import { configVersionStoreFor, openSqliteStore, type KyselyRunStore } from '@dax/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDax, type Dax } from './create-dax.js';
import { layersWithExecutorPrompt, note, originalLayers, recordingProvider } from './__fixtures__/governance-fixtures.js';
import { bundledConfigDir } from './resolve-paths.js';

const guards = createGuardSuite({ policies: loadPolicySet(`${bundledConfigDir}policies`) });

describe('configuration versions', () => {
  let dataDir: string;
  let store: KyselyRunStore;
  let dax: Dax;
  let governance: ConfigGovernance;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dax-governance-'));
    store = await openSqliteStore({ dataDir });
    dax = createDax({ store, configPath: `${bundledConfigDir}layers.json`, modelPolicyPath: join(dataDir, 'no-models.json'), env: {} });
    governance = await dax.governance();
  });

  afterEach(async () => {
    await dax.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('enforces the two-person rule: no self-approval, every group, then activation; active content cannot change', async () => {
    const proposed = await governance.propose({ domain: 'default', kind: 'layers', content: layersWithExecutorPrompt('Emit the action only.'), note, actor: 'oidc:alice' });
    expect(proposed.status).toBe('proposed');
    expect(proposed.id).toMatch(/^[0-9a-f]{64}$/);

    await expect(governance.approve({ versionId: proposed.id, actor: 'oidc:alice', groups: ['safety', 'platform'] })).rejects.toMatchObject({ code: 'DAX_E_CONFIG_SELF_APPROVAL' });

    const afterSafety = await governance.approve({ versionId: proposed.id.slice(0, 12), actor: 'oidc:bob', groups: ['safety'] });
    expect(afterSafety.status).toBe('proposed');
    await expect(governance.activate({ versionId: proposed.id, actor: 'oidc:bob' })).rejects.toMatchObject({ code: 'DAX_E_CONFIG_NOT_APPROVED' });
    await expect(governance.approve({ versionId: proposed.id, actor: 'oidc:carol', groups: ['safety'] })).rejects.toMatchObject({ code: 'DAX_E_CONFIG_APPROVER_INELIGIBLE' });
    expect((await governance.get(proposed.id)).status).toBe('proposed');

    const approved = await governance.approve({ versionId: proposed.id, actor: 'oidc:dave', groups: ['platform'] });
    expect(approved.status).toBe('approved');
    const active = await governance.activate({ versionId: proposed.id, actor: 'oidc:erin' });
    expect(active.status).toBe('active');

    await expect(
      governance.propose({ domain: 'default', kind: 'layers', content: layersWithExecutorPrompt('Emit the action only.'), note: { ...note, why: 'Changed my mind.' }, actor: 'oidc:mallory' }),
    ).rejects.toMatchObject({ code: 'DAX_E_CONFIG_IMMUTABLE' });
    await expect(governance.approve({ versionId: proposed.id, actor: 'oidc:frank', groups: ['safety'] })).rejects.toMatchObject({ code: 'DAX_E_CONFIG_IMMUTABLE' });
    const stored = await governance.get(proposed.id);
    expect(stored.note).toEqual(note);
    expect(stored.status).toBe('active');
  });

  it('needs a distinct approver per group: one person in both groups does not approve alone', async () => {
    const proposed = await governance.propose({ domain: 'default', kind: 'layers', content: layersWithExecutorPrompt('Short.'), note, actor: 'oidc:alice' });
    const once = await governance.approve({ versionId: proposed.id, actor: 'oidc:bob', groups: ['safety', 'platform'] });
    expect(once.status).toBe('proposed');
    expect(once.approvals[0]?.groups).toEqual(['safety', 'platform']);
    await expect(governance.approve({ versionId: proposed.id, actor: 'oidc:bob', groups: ['platform'] })).rejects.toMatchObject({ code: 'DAX_E_CONFIG_APPROVER_INELIGIBLE' });
    expect((await governance.approve({ versionId: proposed.id, actor: 'oidc:carol', groups: ['platform'] })).status).toBe('approved');
  });

  it('refuses a proposal without a complete migration note', async () => {
    await expect(
      governance.propose({ domain: 'default', kind: 'layers', content: originalLayers, note: { whatChanged: 'x', why: '', rollback: 'y' }, actor: 'oidc:alice' }),
    ).rejects.toMatchObject({ code: 'DAX_E_CONFIG_NOTE_MISSING' });
  });

  it('rolls back: new runs use the previous prompts and record its hash; history shows who did what and when', async () => {
    const approveAndActivate = async (prompt: string, actor: string) => {
      const version = await governance.propose({ domain: 'default', kind: 'layers', content: layersWithExecutorPrompt(prompt), note, actor });
      await governance.approve({ versionId: version.id, actor: 'oidc:safety-sam', groups: ['safety'] });
      await governance.approve({ versionId: version.id, actor: 'oidc:platform-pat', groups: ['platform'] });
      return governance.activate({ versionId: version.id, actor: 'oidc:release-rita' });
    };
    const first = await approveAndActivate('FIRST-PROMPT: emit the action.', 'oidc:alice');
    const second = await approveAndActivate('SECOND-PROMPT: emit the action.', 'oidc:bob');

    const provider = recordingProvider();
    const engine = createEngine({
      config: dax.config,
      configSource: createVersionedConfigSource({ store: configVersionStoreFor(store), bootstrapLayers: () => dax.config }),
      router: enforceModelPolicy(createModelRouter({ providers: { recording: provider }, defaultModel: 'recording' })),
      guards,
      store,
    });
    const beforeRollback = await engine.run({ input: 'Summarise the Q3 report for the board' });
    expect(beforeRollback.configHash).toBe(second.id);
    expect(provider.prompts.some((prompt) => prompt.includes('SECOND-PROMPT'))).toBe(true);

    const rolledBack = await governance.rollback({ domain: 'default', actor: 'oidc:oncall-omar' });
    expect(rolledBack.id).toBe(first.id);
    provider.prompts.length = 0;
    const afterRollback = await engine.run({ input: 'Summarise the Q3 report for the board' });
    expect(afterRollback.configHash).toBe(first.id);
    expect(provider.prompts.some((prompt) => prompt.includes('FIRST-PROMPT'))).toBe(true);
    expect(provider.prompts.some((prompt) => prompt.includes('SECOND-PROMPT'))).toBe(false);
    expect((await store.getRun(afterRollback.runId))?.configHash).toBe(first.id);

    const history = await governance.history('default');
    expect(history.versions.map((version) => [version.id, version.status])).toEqual([
      [first.id, 'active'],
      [second.id, 'superseded'],
    ]);
    const trail = history.audit.map((entry) => [entry.action, entry.actor, entry.versionId.slice(0, 8)]);
    expect(trail).toEqual([
      ['propose', 'oidc:alice', first.id.slice(0, 8)],
      ['approve', 'oidc:safety-sam', first.id.slice(0, 8)],
      ['approve', 'oidc:platform-pat', first.id.slice(0, 8)],
      ['activate', 'oidc:release-rita', first.id.slice(0, 8)],
      ['propose', 'oidc:bob', second.id.slice(0, 8)],
      ['approve', 'oidc:safety-sam', second.id.slice(0, 8)],
      ['approve', 'oidc:platform-pat', second.id.slice(0, 8)],
      ['activate', 'oidc:release-rita', second.id.slice(0, 8)],
      ['rollback', 'oidc:oncall-omar', first.id.slice(0, 8)],
    ]);
    expect(history.audit.at(-1)?.previousVersionId).toBe(second.id);
    for (const entry of history.audit) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
  });

  it('resumes a paused run on the version it started on, after another version was activated', async () => {
    const paused = await dax.run({ input: 'Increase the production Kubernetes cluster from 6 to 10 nodes.' });
    expect(paused.status).toBe('awaiting_approval');
    expect(paused.configHash).toBe(dax.config.hash);

    const next = await governance.propose({ domain: 'default', kind: 'layers', content: layersWithExecutorPrompt('NEXT-PROMPT: emit the action.'), note, actor: 'oidc:alice' });
    await governance.approve({ versionId: next.id, actor: 'oidc:safety-sam', groups: ['safety'] });
    await governance.approve({ versionId: next.id, actor: 'oidc:platform-pat', groups: ['platform'] });
    await governance.activate({ versionId: next.id, actor: 'oidc:release-rita' });
    expect((await dax.run({ input: 'Summarise the Q3 report for the board' })).configHash).toBe(next.id);

    const resumed = await dax.resume({
      runId: paused.runId,
      approvals: [{ gateId: 'gate-1', approver: 'key:approver', decision: 'approved', at: new Date().toISOString() }],
    });
    expect(resumed.status).toBe('approved');
    expect(resumed.configHash).toBe(dax.config.hash);
    expect(resumed.trace.at(-1)?.layer).toBe('DA-X');
  });

  it('runs on the on-disk file (the bootstrap version) until a version is active; other domains inherit it', async () => {
    const result = await dax.run({ input: 'Summarise the Q3 report for the board' });
    expect(result.configHash).toBe(dax.config.hash);
    const inherited = await dax.run({ input: 'Summarise the Q3 report', domain: 'finance' });
    expect(inherited).toMatchObject({ domain: 'finance', configHash: dax.config.hash });
    await expect(governance.rollback({ domain: 'default', actor: 'oidc:x' })).rejects.toMatchObject({ code: 'DAX_E_CONFIG_NO_PREVIOUS' });
  });
});
