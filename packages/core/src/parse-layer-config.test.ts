import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DaxError } from '@dax/protocol';
import { loadLayerConfig, parseLayerConfig } from './parse-layer-config.js';

// A verbatim copy of the original project's config/layers.json.
const originPath = new URL('./__fixtures__/original-layers.json', import.meta.url);
const repoConfigPath = new URL('../../../config/layers.json', import.meta.url);

function original(): Record<string, unknown>[] {
  return JSON.parse(readFileSync(originPath, 'utf8')) as Record<string, unknown>[];
}

function errorOf(run: () => unknown): DaxError {
  try {
    run();
  } catch (error) {
    if (DaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a DaxError');
}

describe('parseLayerConfig', () => {
  it('loads the original project layer file unchanged', () => {
    const config = loadLayerConfig(originPath.pathname);
    expect(config.layers.map((layer) => layer.name)).toEqual([
      'DA-13', 'DA-12', 'DA-11', 'DA-10', 'DA-9', 'DA-8', 'DA-7', 'DA-6', 'DA-5', 'DA-4', 'DA-3', 'DA-2', 'DA-1', 'DA-X',
    ]);
    expect(config.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ships the original file as the default configuration', () => {
    expect(readFileSync(repoConfigPath, 'utf8')).toBe(readFileSync(originPath, 'utf8'));
  });

  it('hashes by content, not formatting', () => {
    const layers = original();
    const compact = parseLayerConfig(layers);
    const reordered = parseLayerConfig(layers.map((layer) => Object.fromEntries(Object.entries(layer).reverse())));
    expect(reordered.hash).toBe(compact.hash);
    const changed = parseLayerConfig(layers.map((layer, index) => (index === 0 ? { ...layer, prompt: 'Other.' } : layer)));
    expect(changed.hash).not.toBe(compact.hash);
  });

  it('accepts the optional extension fields', () => {
    const layers = original().map((layer) =>
      layer.id === 6 ? { ...layer, model: 'xai:grok-4', fallbacks: ['offline'], temperature: 0.2, maxTokens: 512, timeoutMs: 5000, dataClass: 'internal', guards: ['pii'] } : layer,
    );
    const config = parseLayerConfig(layers, 'custom.json');
    expect(config.layers[7]?.fallbacks).toEqual(['offline']);
  });

  it('names the file, the layer and the field of a bad entry', () => {
    const layers = original().map((layer) => (layer.id === 9 ? { ...layer, prompt: 42 } : layer));
    const error = errorOf(() => parseLayerConfig(layers, 'config/layers.json'));
    expect(error.code).toBe('DAX_E_CONFIG_INVALID');
    expect(error.message).toContain('config/layers.json');
    expect(error.message).toContain('layer DA-9');
    expect(error.message).toContain('field "prompt"');
  });

  it('refuses unknown fields, a wrong order and duplicate names', () => {
    const typo = original().map((layer) => (layer.id === 3 ? { ...layer, promt: 'x' } : layer));
    expect(errorOf(() => parseLayerConfig(typo)).message).toContain('layer DA-3');
    const swapped = original();
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(errorOf(() => parseLayerConfig(swapped)).message).toContain('13 down to 1');
    const duplicate = original().map((layer) => (layer.id === 2 ? { ...layer, name: 'DA-1' } : layer));
    expect(errorOf(() => parseLayerConfig(duplicate)).message).toContain('duplicate layer name');
    const badModel = original().map((layer) => (layer.id === 1 ? { ...layer, model: 'not a model ref' } : layer));
    expect(errorOf(() => parseLayerConfig(badModel)).message).toContain('field "model"');
  });

  it('reports unreadable and non-JSON files with their own codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dax-config-'));
    expect(errorOf(() => loadLayerConfig(join(dir, 'missing.json'))).code).toBe('DAX_E_CONFIG_NOT_FOUND');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[{"id": 13,');
    const error = errorOf(() => loadLayerConfig(broken));
    expect(error.code).toBe('DAX_E_CONFIG_INVALID');
    expect(error.message).toContain('broken.json');
  });
});
