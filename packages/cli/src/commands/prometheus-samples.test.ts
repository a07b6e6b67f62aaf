import { describe, expect, it } from 'vitest';
import { maxSample, parsePrometheusSamples, sumSamples } from './prometheus-samples.js';

const exposition = [
  '# HELP dax_rollbacks_total Layer outputs rolled back.',
  '# TYPE dax_rollbacks_total counter',
  'dax_rollbacks_total{layer="DA-6"} 2',
  'dax_rollbacks_total{layer="DA-4"} 1',
  'dax_runs_total{status="failed",domain="drill-outage"} 3',
  'dax_runs_total{status="approved",domain="with \\"quotes\\", commas"} 5',
  'dax_breaker_state{provider="scripted",model="scripted-1"} 2',
  'process_up 1',
  'not a sample line',
].join('\n');

describe('parsePrometheusSamples', () => {
  it('reads names, labels (escaped quotes and commas included) and values; sums and maxima by label subset', () => {
    const samples = parsePrometheusSamples(exposition);
    expect(samples).toHaveLength(6);
    expect(samples[3]).toEqual({ name: 'dax_runs_total', labels: { status: 'approved', domain: 'with "quotes", commas' }, value: 5 });
    expect(sumSamples(samples, 'dax_rollbacks_total')).toBe(3);
    expect(sumSamples(samples, 'dax_rollbacks_total', { layer: 'DA-6' })).toBe(2);
    expect(sumSamples(samples, 'dax_rollbacks_total', { layer: 'DA-1' })).toBe(0);
    expect(sumSamples(samples, 'process_up')).toBe(1);
    expect(maxSample(samples, 'dax_breaker_state')).toBe(2);
    expect(maxSample(samples, 'dax_halts_total')).toBeUndefined();
  });
});
