/** Row shape of the API key table, as Kysely sees it (type aliases, as `withTables` needs). */
export type ApiKeysTable = {
  key_id: string;
  /** Hex digest of the whole key; the key itself is never stored. */
  key_hash: string;
  tenant: string;
  /** JSON array of role names. */
  roles_json: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
};

export type ApiKeyDatabase = {
  api_keys: ApiKeysTable;
};
