import { apiKeyStoreFor, KyselyApiKeyStore, type KyselyRunStore } from '@dax/store';

/** Either store a caller may hold; API keys live in the run store's database. */
export type ApiKeyStoreSource = KyselyRunStore | KyselyApiKeyStore;

export function apiKeyStoreOf(source: ApiKeyStoreSource): KyselyApiKeyStore {
  return source instanceof KyselyApiKeyStore ? source : apiKeyStoreFor(source);
}
