/** The execution adapters the offline Router maps action categories to. */
export type OfflineAdapter = 'payments' | 'email' | 'infrastructure' | 'data' | 'document';

/** Words in a category name that select an adapter, checked in this order. */
const adapterKeywords: readonly (readonly [OfflineAdapter, readonly string[]])[] = [
  ['payments', ['money', 'payment', 'pay', 'refund', 'transfer', 'invoice', 'payout', 'wire', 'payee']],
  ['email', ['email', 'e-mail', 'mail', 'message', 'notify', 'notification', 'communication', 'bulk']],
  ['infrastructure', ['production', 'infrastructure', 'infra', 'deploy', 'config', 'access', 'permission', 'security', 'cluster', 'database', 'audit', 'mfa']],
  ['data', ['data', 'export', 'delete', 'deletion', 'record', 'personal', 'exfiltration', 'backup']],
];

/** Success and failure signals the offline Observer keeps per adapter. */
export const adapterSignals: Readonly<Record<OfflineAdapter, { readonly success: string; readonly failure: string }>> = {
  payments: { success: 'payment settled', failure: 'payment rejected' },
  email: { success: 'message delivered', failure: 'delivery bounced' },
  infrastructure: { success: 'change applied and healthy', failure: 'health check failing' },
  data: { success: 'records processed', failure: 'records refused' },
  document: { success: 'text delivered', failure: 'text incomplete' },
};

/** The adapter for one action category (`money-movement` → payments); `document` when none fits. */
export function adapterForCategory(category: string): OfflineAdapter {
  const lower = category.toLowerCase();
  for (const [adapter, keywords] of adapterKeywords) {
    for (const keyword of keywords) {
      if (lower.includes(keyword)) return adapter;
    }
  }
  return 'document';
}
