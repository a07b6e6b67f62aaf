import { DaxError } from '@dax/protocol';
import { applyModelPolicy } from './apply-model-policy.js';
import type { ConfigSource } from './config-source.js';
import { modelPolicyDomain, type ConfigKind } from './config-version.js';
import { activeVersionKey, type ConfigVersionStore } from './config-version-store.js';
import type { LayerConfig } from './layer-config.js';
import type { ModelPolicy } from './model-policy.js';
import { parseLayerConfig } from './parse-layer-config.js';
import { parseModelPolicy } from './parse-model-policy.js';

export interface VersionedConfigSourceOptions {
  /** Without a store, only the bootstrap files are used. */
  readonly store?: ConfigVersionStore;
  /** The on-disk layer file of a domain (the implicit bootstrap version), or undefined when it has none. */
  readonly bootstrapLayers: (domain: string) => LayerConfig | undefined;
  /** The on-disk model policy, used while no model policy version is active. */
  readonly bootstrapModelPolicy?: ModelPolicy;
}

/**
 * Per run: one indexed look-up of the active versions of the run's domain, of the
 * default domain and of the model policy. Parsing happens once per version id; the effective configuration
 * (policy routing applied) is cached by the pair of ids, so the hot path re-parses nothing.
 * A domain with no stored version runs on its on-disk file, whose hash is its id; a
 * domain with neither runs on the default domain's configuration (the tenant's domain
 * list decides who may use which domain).
 */
export function createVersionedConfigSource(options: VersionedConfigSourceOptions): ConfigSource {
  const { store } = options;
  const effective = new Map<string, LayerConfig>();
  const policies = new Map<string, ModelPolicy>();

  async function storedContent(domain: string, kind: ConfigKind, id: string): Promise<unknown> {
    const version = await store?.getVersion(domain, kind, id);
    if (version === undefined)
      throw new DaxError('DAX_E_CONFIG_VERSION_NOT_FOUND', {
        detail: `Active version ${id.slice(0, 12)} of ${domain} is missing.`,
      });
    return version.content;
  }

  async function policyFor(id: string | undefined): Promise<ModelPolicy | undefined> {
    if (id === undefined) return options.bootstrapModelPolicy;
    const cached = policies.get(id);
    if (cached !== undefined) return cached;
    const policy = parseModelPolicy(await storedContent(modelPolicyDomain, 'models', id), `version:${id.slice(0, 12)}`);
    policies.set(id, policy);
    return policy;
  }

  async function resolve(domain: string): Promise<LayerConfig> {
    const active = store === undefined ? undefined : await store.activeVersionIds([domain, 'default', modelPolicyDomain]);
    return resolveFrom(domain, active);
  }

  /** The effective configuration of a domain from one snapshot of the active version ids. */
  async function resolveFrom(domain: string, active: ReadonlyMap<string, string> | undefined): Promise<LayerConfig> {
    const layersId = active?.get(activeVersionKey(domain, 'layers'));
    const policyId = active?.get(activeVersionKey(modelPolicyDomain, 'models'));
    const key = `${domain}|${layersId ?? 'bootstrap'}|${policyId ?? 'bootstrap'}`;
    const cached = effective.get(key);
    if (cached !== undefined) return cached;
    let base: LayerConfig | undefined;
    if (layersId === undefined) {
      base = options.bootstrapLayers(domain);
      if (base === undefined) {
        // A domain without prompts of its own runs on the default domain's active version.
        if (domain === 'default')
          throw new DaxError('DAX_E_DOMAIN_UNKNOWN', {
            detail: 'The default domain has no configuration.',
          });
        return resolveFrom('default', active);
      }
    } else {
      base = parseLayerConfig(await storedContent(domain, 'layers', layersId), `version:${layersId.slice(0, 12)}`);
    }
    return remember(key, base, await policyFor(policyId));
  }

  /** The effective configuration of a layers version under a model policy, cached by key. */
  function remember(key: string, base: LayerConfig, modelPolicy: ModelPolicy | undefined): LayerConfig {
    const config: LayerConfig = {
      layers: applyModelPolicy(base.layers, modelPolicy),
      hash: base.hash,
      source: base.source,
      ...(modelPolicy === undefined ? {} : { modelPolicy }),
    };
    if (effective.size > 256) effective.clear();
    effective.set(key, config);
    return config;
  }

  async function resolveVersion(domain: string, versionId: string): Promise<LayerConfig> {
    const active = await resolve(domain);
    if (active.hash === versionId) return active;
    const policyId = store === undefined ? undefined : await store.activeVersionId(modelPolicyDomain, 'models');
    const key = `${domain}|${versionId}|${policyId ?? 'bootstrap'}`;
    const cached = effective.get(key);
    if (cached !== undefined) return cached;
    // The on-disk file (of the domain, or of the default domain it inherits), else a stored version.
    let base = [options.bootstrapLayers(domain), options.bootstrapLayers('default')].find((layers) => layers?.hash === versionId);
    if (base === undefined) {
      const version = (await store?.getVersion(domain, 'layers', versionId)) ?? (await store?.getVersion('default', 'layers', versionId));
      if (version === undefined)
        throw new DaxError('DAX_E_CONFIG_VERSION_NOT_FOUND', { detail: `Version ${versionId.slice(0, 12)} of ${domain} is missing.` });
      base = parseLayerConfig(version.content, `version:${versionId.slice(0, 12)}`);
    }
    return remember(key, base, await policyFor(policyId));
  }

  return { resolve, resolveVersion };
}
