import { canonicalJson } from './canonical-json.js';
import type { ConfigVersion } from './config-version.js';
import { layerFileSchema } from './layer-config.js';

/** What differs between two versions of one layer: a unified diff of its prompt, and other changed fields. */
export interface LayerChange {
  readonly layer: string;
  /** Unified diff of the prompt text; empty when the prompt is unchanged. */
  readonly promptDiff: string;
  /** Other fields that changed (model, fallbacks, temperature …). */
  readonly fields: readonly string[];
}

export interface ConfigDiff {
  readonly from: string;
  readonly to: string;
  /** Per layer for layer versions; one pseudo-layer `models.json` for model policies. */
  readonly changes: readonly LayerChange[];
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function prettyCanonical(value: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(value)), null, 2)}\n`;
}

/** Compares two versions of the same kind, layer by layer (prompt text diffs). The diff library loads on first use. */
export async function diffConfigVersions(from: ConfigVersion, to: ConfigVersion): Promise<ConfigDiff> {
  const { createTwoFilesPatch } = await import('diff');
  const a = from.id.slice(0, 12);
  const b = to.id.slice(0, 12);
  const fromLayers = layerFileSchema.safeParse(from.content);
  const toLayers = layerFileSchema.safeParse(to.content);
  if (!fromLayers.success || !toLayers.success) {
    const patch = createTwoFilesPatch(`${a}/models.json`, `${b}/models.json`, prettyCanonical(from.content), prettyCanonical(to.content));
    const changed = prettyCanonical(from.content) !== prettyCanonical(to.content);
    return { from: from.id, to: to.id, changes: changed ? [{ layer: 'models.json', promptDiff: patch, fields: [] }] : [] };
  }
  const before = new Map(fromLayers.data.map((layer) => [layer.name, layer]));
  const changes: LayerChange[] = [];
  for (const layer of toLayers.data) {
    const old = before.get(layer.name);
    if (old === undefined) continue;
    const promptDiff =
      old.prompt === layer.prompt ? '' : createTwoFilesPatch(`${a}/${layer.name}`, `${b}/${layer.name}`, withNewline(old.prompt), withNewline(layer.prompt));
    const keys = new Set([...Object.keys(old), ...Object.keys(layer)].filter((key) => key !== 'prompt'));
    const fields = [...keys]
      .filter((key) => canonicalJson((old as Record<string, unknown>)[key]) !== canonicalJson((layer as Record<string, unknown>)[key]))
      .sort();
    if (promptDiff !== '' || fields.length > 0) changes.push({ layer: layer.name, promptDiff, fields });
  }
  return { from: from.id, to: to.id, changes };
}
