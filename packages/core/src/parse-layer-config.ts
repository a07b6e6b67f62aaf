import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';
import { canonicalJson } from './canonical-json.js';
import { layerFileSchema, type LayerConfig, type LayerEntry } from './layer-config.js';

const requiredOrder: readonly (number | 'X')[] = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 'X'];

function describeLayer(raw: unknown, index: number): string {
  if (raw !== null && typeof raw === 'object') {
    const name = (raw as Record<string, unknown>).name;
    if (typeof name === 'string' && name.length > 0) return `layer ${name} (index ${index})`;
  }
  return `layer at index ${index}`;
}

/**
 * Validates a parsed layer file. Errors name the source, the layer and the field,
 * e.g. `config/layers.json: layer DA-9 (index 4): field "prompt": expected string`.
 */
export function parseLayerConfig(raw: unknown, source = '<inline>'): LayerConfig {
  const parsed = layerFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where =
      typeof path[0] === 'number'
        ? `${describeLayer((raw as unknown[])[path[0]], path[0])}: field "${path.slice(1).join('.') || '(entry)'}"`
        : 'top level';
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: `${source}: ${where}: ${issue?.message ?? 'invalid'}`,
    });
  }
  const layers: LayerEntry[] = parsed.data;
  const ids = layers.map((layer) => layer.id);
  const idsMatch = ids.length === requiredOrder.length && ids.every((id, index) => id === requiredOrder[index]);
  if (!idsMatch) {
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: `${source}: top level: the file must list layers 13 down to 1 and then "X", once each, in that order (found ${ids.join(', ')})`,
    });
  }
  const names = new Set<string>();
  for (const [index, layer] of layers.entries()) {
    if (names.has(layer.name)) {
      throw new DaxError('DAX_E_CONFIG_INVALID', {
        detail: `${source}: layer ${layer.name} (index ${index}): field "name": duplicate layer name`,
      });
    }
    names.add(layer.name);
  }
  const hash = createHash('sha256').update(canonicalJson(layers)).digest('hex');
  return { layers, hash, source };
}

/** Reads and validates a layer file from disk. */
export function loadLayerConfig(path: string): LayerConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `${path}: cannot be read.`, cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: `${path}: not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
      cause: error,
    });
  }
  return parseLayerConfig(raw, path);
}
