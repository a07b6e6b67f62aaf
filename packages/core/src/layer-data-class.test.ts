import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataClassByLayerName, layerDataClass } from './layer-data-class.js';
import { loadLayerConfig, parseLayerConfig } from './parse-layer-config.js';

const originalFile = fileURLToPath(new URL('../../../config/layers.json', import.meta.url));

describe('layer data classes', () => {
  it('gives the original layer file (no dataClass fields) a class per layer', () => {
    const config = loadLayerConfig(originalFile);
    expect(config.layers.every((layer) => layer.dataClass === undefined)).toBe(true);
    const classOf = dataClassByLayerName(config);
    expect(['DA-13', 'DA-8', 'DA-7', 'DA-1', 'DA-X'].map(classOf)).toEqual(['restricted', 'restricted', 'confidential', 'confidential', 'internal']);
    expect(classOf('DA-99')).toBe('restricted');
  });

  it('lets a layer declare its own class', () => {
    const raw = loadLayerConfig(originalFile).layers.map((layer) => (layer.id === 1 ? { ...layer, dataClass: 'public' } : layer));
    const config = parseLayerConfig(raw);
    expect(layerDataClass(config.layers[12]!)).toBe('public');
    expect(dataClassByLayerName(config)('DA-1')).toBe('public');
  });
});
