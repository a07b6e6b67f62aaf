import type { LayerConfig } from './layer-config.js';

/** Resolves the configuration a run in a domain uses: the domain's active version (with the model policy applied). */
export interface ConfigSource {
  /** Throws `DAX_E_DOMAIN_UNKNOWN` for a domain with no configuration. */
  resolve(domain: string): Promise<LayerConfig>;
}
