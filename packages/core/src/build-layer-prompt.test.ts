import { describe, expect, it } from 'vitest';
import { buildLayerPrompt } from './build-layer-prompt.js';

const layer = { id: 9, name: 'DA-9', desc: 'Policy-as-code validation', agent: 'Verifier', prompt: 'Lint against policy-as-code.' } as const;

describe('buildLayerPrompt', () => {
  it('keeps the original prompt shape without reasons', () => {
    expect(buildLayerPrompt(layer, 'Pay the invoice.', false)).toBe(
      'You are DA-9 acting as Verifier.\nDuty: Policy-as-code validation.\nProtocol: Lint against policy-as-code.\nRespond with only the stabilized text. No meta-commentary.\nPrior output:\nPay the invoice.',
    );
  });

  it('asks for {output, reason} JSON with reasons', () => {
    expect(buildLayerPrompt(layer, 'x', true)).toContain(
      '\nRespond as JSON with keys: output (stabilized text) and reason (brief audit note).\nPrior output:\nx',
    );
  });
});
