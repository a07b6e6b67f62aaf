import type { LayerConfig } from './layer-config.js';

/** Resolves the configuration a run in a domain uses: the domain's active version (with the model policy applied). */
export interface ConfigSource {
  /** Throws `DAX_E_DOMAIN_UNKNOWN` for a domain with no configuration. */
  resolve(domain: string): Promise<LayerConfig>;
  /**
   * A given layers version of a domain (a paused run resumes on the version it started
   * on, even after another was activated). Throws `DAX_E_CONFIG_VERSION_NOT_FOUND`.
   */
  resolveVersion?(domain: string, versionId: string): Promise<LayerConfig>;
}
