import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLayerConfig, type LayerConfig } from '@dax/core';

const domainPattern = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * The on-disk layer files per domain: `default` is the main layer file;
 * any other domain is `<domainsDir>/<domain>/layers.json`. Each file is parsed once.
 * These are the implicit bootstrap versions used while a domain has no stored version.
 */
export class DomainLayers {
  readonly #defaultConfig: LayerConfig;
  readonly #domainsDir: string;
  readonly #loaded = new Map<string, LayerConfig>();

  constructor(defaultConfig: LayerConfig, domainsDir: string) {
    this.#defaultConfig = defaultConfig;
    this.#domainsDir = domainsDir;
  }

  get(domain: string): LayerConfig | undefined {
    if (domain === 'default') return this.#defaultConfig;
    if (!domainPattern.test(domain)) return undefined;
    const cached = this.#loaded.get(domain);
    if (cached !== undefined) return cached;
    const path = join(this.#domainsDir, domain, 'layers.json');
    if (!existsSync(path)) return undefined;
    const config = loadLayerConfig(path);
    this.#loaded.set(domain, config);
    return config;
  }

  /** `default` and every domain directory with a layer file. */
  domains(): string[] {
    let names: string[] = [];
    try {
      names = readdirSync(this.#domainsDir).filter((name) => domainPattern.test(name) && existsSync(join(this.#domainsDir, name, 'layers.json')));
    } catch {
      names = [];
    }
    return ['default', ...names.filter((name) => name !== 'default').sort()];
  }
}
