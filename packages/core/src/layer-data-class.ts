import type { DataClass, LayerConfig, LayerEntry } from './layer-config.js';

/**
 * The data class of each layer's texts when the layer file does not set
 * `dataClass`. DA-13 to DA-8 read the intent as given (personal data and secrets
 * included), so they are `restricted`; DA-7 to DA-1 read the redacted working text
 * and write the action, `confidential`; DA-X writes a stability verdict, `internal`.
 */
export const defaultLayerDataClasses: Readonly<Record<string, DataClass>> = {
  '13': 'restricted',
  '12': 'restricted',
  '11': 'restricted',
  '10': 'restricted',
  '9': 'restricted',
  '8': 'restricted',
  '7': 'confidential',
  '6': 'confidential',
  '5': 'confidential',
  '4': 'confidential',
  '3': 'confidential',
  '2': 'confidential',
  '1': 'confidential',
  X: 'internal',
};

/** A layer's declared data class, else its default (restricted for an unknown id: fail closed). */
export function layerDataClass(layer: LayerEntry): DataClass {
  return layer.dataClass ?? defaultLayerDataClasses[String(layer.id)] ?? 'restricted';
}

/** Looks a layer's class up by name (`DA-9`); names the configuration does not know are `restricted`. */
export function dataClassByLayerName(config: LayerConfig): (layerName: string) => DataClass {
  const classes = new Map(config.layers.map((layer) => [layer.name, layerDataClass(layer)]));
  return (layerName) => classes.get(layerName) ?? 'restricted';
}
