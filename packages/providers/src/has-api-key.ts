/** True when a key is present and not blank. */
export function hasApiKey(apiKey: string | undefined): apiKey is string {
  return apiKey !== undefined && apiKey.trim().length > 0;
}
