import type { LayerFacts } from '@dax/core';
import { describe, expect, it } from 'vitest';
import { layerIdentity, layerRequest } from './__fixtures__/layer-request.js';
import { createOfflineProvider } from './create-offline-provider.js';

const layerIds: readonly (number | 'X')[] = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 'X'];

const paymentFacts: LayerFacts = {
  intent: 'Pay invoice INV-7781 for $4,200.00 to Northwind Traders on March 3, 2025. Do not notify the sales team.',
  domain: 'finance',
  risk: { grade: 'P1', gate: true, reasons: ['money movement to a payee', 'transfer of 1,000 or more', 'not reviewed'] },
  policy: { decision: 'gate', ruleIds: ['gate-money-p1'] },
  anchorKinds: ['amount', 'payee', 'date', 'identifier', 'negation'],
  redactedTypes: [],
  categories: ['money-movement'],
};

const plainFacts: LayerFacts = {
  intent: 'Summarise the meeting notes for the team',
  domain: 'default',
  risk: { grade: 'P3', gate: false, reasons: [] },
  policy: { decision: 'allow', ruleIds: [] },
  categories: [],
  redactedTypes: ['EMAIL'],
};

async function outputOf(id: number | 'X', facts: LayerFacts, json = false): Promise<string> {
  const provider = createOfflineProvider();
  const result = await provider.call(layerRequest({ layer: layerIdentity(id), facts, json, model: 'offline-1' }));
  return result.text;
}

describe('createOfflineProvider', () => {
  it('describes itself as the embedded offline provider', () => {
    const provider = createOfflineProvider();
    expect([provider.id, provider.kind, provider.defaultModel]).toEqual(['offline', 'offline', 'offline-1']);
  });

  it.each(layerIds)('answers DA-%s with a non-empty output', async (id) => {
    expect((await outputOf(id, paymentFacts)).trim().length).toBeGreaterThan(0);
    expect((await outputOf(id, plainFacts)).trim().length).toBeGreaterThan(0);
  });

  it.each(layerIds)('answers DA-%s in JSON mode with output and reason', async (id) => {
    const parsed = JSON.parse(await outputOf(id, paymentFacts, true)) as { output: string; reason: string };
    expect(typeof parsed.output).toBe('string');
    expect(parsed.output.length).toBeGreaterThan(0);
    expect(typeof parsed.reason).toBe('string');
    expect(parsed.reason.length).toBeGreaterThan(0);
    expect(parsed.output).toBe(await outputOf(id, paymentFacts));
  });

  it('emits exactly the intent at DA-1', async () => {
    expect(await outputOf(1, paymentFacts)).toBe(paymentFacts.intent);
    expect(await outputOf(1, plainFacts)).toBe(plainFacts.intent);
  });

  it('keeps the whole intent, negation included, in every output from DA-13 to DA-2', async () => {
    for (const id of layerIds.filter((layer) => layer !== 'X' && layer !== 6)) {
      expect(await outputOf(id, paymentFacts)).toContain(paymentFacts.intent);
    }
    const steps = await outputOf(6, paymentFacts);
    expect(steps).toContain('Do not notify the sales team.');
    expect(steps).toContain('$4,200.00');
  });

  it('adds no digits, addresses or links beyond the intent, step numbers and the risk grade', async () => {
    for (const id of layerIds) {
      const output = await outputOf(id, plainFacts);
      const rest = output.replace(plainFacts.intent, '').replace(/^\d+\. /gm, '').replace(/\bP[0-3]\b/g, '');
      expect(rest).not.toMatch(/\d|@|:\/\//);
      expect(rest).not.toMatch(/\b(?:not|no|never|none|without)\b|n't\b/i);
    }
  });

  it('leaves out risk reasons that carry numbers or negations', async () => {
    const output = await outputOf(11, paymentFacts);
    expect(output.split('\n')[0]).toBe('Risk P1 (money movement to a payee); human gate required');
  });

  it('renders each layer duty from the facts', async () => {
    expect(await outputOf(13, plainFacts)).toBe(`Mission: ${plainFacts.intent}`);
    expect(await outputOf(12, paymentFacts)).toBe(`Policy set: finance. Mission: ${paymentFacts.intent}`);
    expect(await outputOf(11, plainFacts)).toBe(`Risk P3\n${plainFacts.intent}`);
    expect(await outputOf(10, paymentFacts)).toBe(`Mandate: money movement. Scope: ${paymentFacts.intent}`);
    expect(await outputOf(10, plainFacts)).toBe(`Mandate: general request. Scope: ${plainFacts.intent}`);
    expect(await outputOf(9, paymentFacts)).toBe(`Policy decision: gate (gate-money-p1)\n${paymentFacts.intent}`);
    expect(await outputOf(8, plainFacts)).toBe(`Evidence markers: EMAIL. Mission: ${plainFacts.intent}`);
    expect(await outputOf(7, paymentFacts)).toMatch(/^Human checkpoint: required \(risk P1; policy gate\)/);
    expect(await outputOf(7, plainFacts)).toMatch(/^Human checkpoint: waived \(risk P3; policy allow\)/);
    expect(await outputOf(5, paymentFacts)).toMatch(/^Adapter: payments\n/);
    expect(await outputOf(5, plainFacts)).toMatch(/^Adapter: document\n/);
    expect(await outputOf(4, paymentFacts)).toMatch(/^Signals: success = payment settled; failure = payment rejected; sensitive fields excluded\n/);
    expect(await outputOf('X', paymentFacts)).toBe('Stable: accept.');
  });

  it('numbers the intent as ordered steps at DA-6', async () => {
    expect(await outputOf(6, paymentFacts)).toBe(
      '1. Pay invoice INV-7781 for $4,200.00 to Northwind Traders on March 3, 2025.\n2. Do not notify the sales team.',
    );
    const facts = { ...plainFacts, intent: 'Roll back the payments API, then page the on-call engineer; open an incident.' };
    expect(await outputOf(6, facts)).toBe('1. Roll back the payments API\n2. page the on-call engineer\n3. open an incident.');
    expect(await outputOf(6, plainFacts)).toBe(`1. ${plainFacts.intent}`);
  });

  it('maps several categories to their adapters once each', async () => {
    const facts = { ...plainFacts, categories: ['money-movement', 'refund', 'bulk-message', 'production-change', 'data-export', 'contract'] };
    expect((await outputOf(5, facts)).split('\n')[0]).toBe('Adapter: payments, email, infrastructure, data, document');
  });

  it('estimates usage from the prompt and the answer', async () => {
    const provider = createOfflineProvider();
    const request = layerRequest({ layer: layerIdentity(1), facts: plainFacts });
    const result = await provider.call(request);
    expect(result.usage).toEqual({
      inputTokens: Math.ceil(request.prompt.length / 4),
      outputTokens: Math.ceil(plainFacts.intent.length / 4),
      estimated: true,
    });
    expect(result.model).toBe('test-model');
  });

  it('refuses to answer an aborted call', async () => {
    const controller = new AbortController();
    controller.abort();
    const provider = createOfflineProvider();
    await expect(provider.call(layerRequest({ signal: controller.signal }))).rejects.toMatchObject({ code: 'DAX_E_RUN_ABORTED' });
  });
});

describe('offline category labels', () => {
  it('never restates an environment name through a category', async () => {
    const { categoryLabel } = await import('./is-safe-to-restate.js');
    expect(categoryLabel('production-change')).toBe('change');
    expect(categoryLabel('staging-change')).toBe('change');
    expect(categoryLabel('non-production')).toBe('change');
    expect(categoryLabel('money-movement')).toBe('money movement');
  });
});
