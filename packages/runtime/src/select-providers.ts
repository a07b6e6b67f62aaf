import {
  createAnthropicProvider,
  createModelRouter,
  createOfflineProvider,
  createOpenAiCompatibleProvider,
  createScriptedProvider,
  loadScript,
  resolveApiKey,
} from '@dax/providers';
import type { ModelProvider, ModelRouter } from '@dax/core';
import { DaxError } from '@dax/protocol';

type Env = Readonly<Record<string, string | undefined>>;

/** Provider ids that need no configuration beyond a key in the environment. */
export const builtInProviderIds = ['offline', 'xai', 'openai', 'anthropic', 'local'] as const;

function key(env: Env, name: string): string | undefined {
  return resolveApiKey({ value: env[name], file: env[`${name}_FILE`] });
}

/**
 * The providers a runtime can call, built once at start. Remote providers are
 * registered only when selected (or named by a layer) so that no key is read and
 * no host is contacted otherwise.
 */
export function buildProviders(env: Env, selection: string, wanted: ReadonlySet<string>): Map<string, ModelProvider> {
  const offline = createOfflineProvider();
  const providers = new Map<string, ModelProvider>([['offline', offline]]);
  const want = (id: string) => selection === id || wanted.has(id);
  if (want('xai')) {
    providers.set('xai', createOpenAiCompatibleProvider({ id: 'xai', baseUrl: env.DAX_XAI_BASE_URL ?? 'https://api.x.ai/v1', model: env.DAX_XAI_MODEL ?? 'grok-4', apiKey: key(env, 'XAI_API_KEY') }));
  }
  if (want('openai')) {
    providers.set('openai', createOpenAiCompatibleProvider({ id: 'openai', baseUrl: env.DAX_OPENAI_BASE_URL ?? 'https://api.openai.com/v1', model: env.DAX_OPENAI_MODEL ?? 'gpt-4.1-mini', apiKey: key(env, 'OPENAI_API_KEY') }));
  }
  if (want('anthropic')) {
    providers.set('anthropic', createAnthropicProvider({ id: 'anthropic', baseUrl: env.DAX_ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com/v1', model: env.DAX_ANTHROPIC_MODEL ?? 'claude-sonnet-4-5', apiKey: key(env, 'ANTHROPIC_API_KEY') }));
  }
  if (want('local')) {
    providers.set('local', createOpenAiCompatibleProvider({ id: 'local', baseUrl: env.DAX_LOCAL_BASE_URL ?? 'http://127.0.0.1:11434/v1', model: env.DAX_LOCAL_MODEL ?? 'llama3.1', apiKey: key(env, 'DAX_LOCAL_API_KEY') ?? 'none' }));
  }
  if (selection.startsWith('scripted:')) {
    const path = selection.slice('scripted:'.length);
    if (path.length === 0) throw new DaxError('DAX_E_USAGE', { detail: 'Use --provider scripted:<file>.' });
    providers.set('scripted', createScriptedProvider(loadScript(path), { fallback: offline }));
  }
  return providers;
}

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

export function createRouter(providers: Map<string, ModelProvider>, defaultModel: string): ModelRouter {
  return createModelRouter({ providers, defaultModel });
}
