import {
  createAnthropicProvider,
  createEgressTransport,
  createModelRouter,
  enforceModelPolicy,
  createOfflineProvider,
  createOpenAiCompatibleProvider,
  createScriptedProvider,
  loadScript,
  resolveApiKey,
} from '@dax/providers';
import type { ModelPolicy, ModelProvider, ModelRouter } from '@dax/core';
import { DaxError } from '@dax/protocol';

type Env = Readonly<Record<string, string | undefined>>;

/** Provider ids that need no configuration beyond a key in the environment. */
export const builtInProviderIds = ['offline', 'xai', 'openai', 'anthropic', 'local'] as const;

function key(env: Env, name: string): string | undefined {
  return resolveApiKey({ value: env[name], file: env[`${name}_FILE`] });
}

/** Default base URLs of the built-in remote providers (each overridable by `DAX_<ID>_BASE_URL`). */
const builtInBaseUrls: Readonly<Record<string, string>> = {
  xai: 'https://api.x.ai/v1',
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  local: 'http://127.0.0.1:11434/v1',
};

export interface BuiltProviders {
  readonly providers: Map<string, ModelProvider>;
  /** Closes the outbound connection pools. */
  close(): Promise<void>;
}

/**
 * The providers a runtime can call, built once at start. Remote providers are
 * registered only when selected (or named by a layer) so that no key is read and
 * no host is contacted otherwise. Every remote provider sends through one egress
 * transport: with a model policy, only the base URLs (and TLS pins) of its registered
 * providers are reachable and a built-in provider pointed elsewhere fails closed;
 * without one, only the configured base URLs are.
 */
export function buildProviders(env: Env, selection: string, wanted: ReadonlySet<string>, policy?: ModelPolicy): BuiltProviders {
  const offline = createOfflineProvider();
  const providers = new Map<string, ModelProvider>([['offline', offline]]);
  const want = (id: string) => selection === id || wanted.has(id);
  const baseUrlOf = (id: string): string => env[`DAX_${id.toUpperCase()}_BASE_URL`] ?? policy?.providers[id]?.baseUrl ?? builtInBaseUrls[id] ?? '';
  const remote = ['xai', 'openai', 'anthropic', 'local'].filter(want);
  for (const [id, registered] of Object.entries(policy?.providers ?? {})) {
    if ((registered.kind === 'openai-compatible' || registered.kind === 'anthropic') && !(id in builtInBaseUrls) && want(id)) remote.push(id);
  }
  const destinations =
    policy === undefined
      ? remote.map((id) => ({ providerId: id, baseUrl: baseUrlOf(id) }))
      : Object.entries(policy.providers).flatMap(([id, registered]) =>
          registered.baseUrl === undefined ? [] : [{ providerId: id, baseUrl: registered.baseUrl, ...(registered.tlsPins === undefined ? {} : { tlsPins: registered.tlsPins }) }],
        );
  const egress = createEgressTransport(destinations);
  const transport = egress.transport;
  for (const id of remote) {
    const kind = policy?.providers[id]?.kind ?? (id === 'anthropic' ? 'anthropic' : 'openai-compatible');
    const upper = id.toUpperCase();
    const keyName = id === 'local' ? 'DAX_LOCAL_API_KEY' : `${upper}_API_KEY`;
    const model = env[`DAX_${upper}_MODEL`] ?? policy?.providers[id]?.defaultModel ?? builtInModels[id];
    const apiKey = key(env, keyName) ?? (id === 'local' ? 'none' : undefined);
    providers.set(
      id,
      kind === 'anthropic'
        ? createAnthropicProvider({ id, baseUrl: baseUrlOf(id), model: model ?? 'claude-sonnet-4-5', apiKey, transport })
        : createOpenAiCompatibleProvider({ id, baseUrl: baseUrlOf(id), ...(model === undefined ? {} : { model }), apiKey, transport }),
    );
  }
  if (selection.startsWith('scripted:')) {
    const path = selection.slice('scripted:'.length);
    if (path.length === 0) throw new DaxError('DAX_E_USAGE', { detail: 'Use --provider scripted:<file>.' });
    providers.set('scripted', createScriptedProvider(loadScript(path), { fallback: offline }));
  }
  return { providers, close: () => egress.close() };
}

const builtInModels: Readonly<Record<string, string>> = {
  xai: 'grok-4',
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-sonnet-4-5',
  local: 'llama3.1',
};

/** Maps a `--provider` selection to the router's default model reference. */
export function defaultModelFor(selection: string): string {
  if (selection.startsWith('scripted:')) return 'scripted';
  if (!(builtInProviderIds as readonly string[]).includes(selection)) {
    throw new DaxError('DAX_E_PROVIDER_UNKNOWN', {
      detail: `Unknown provider "${selection}"; use one of ${builtInProviderIds.join(', ')} or scripted:<file>.`,
    });
  }
  return selection;
}

/** The resilient router, wrapped so that every call is checked against the run's model policy. */
export function createRouter(providers: Map<string, ModelProvider>, defaultModel: string): ModelRouter {
  return enforceModelPolicy(createModelRouter({ providers, defaultModel }));
}
