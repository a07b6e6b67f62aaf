import { createHash } from 'node:crypto';

/** The stable, non-reversible handle of a data subject within a tenant (keys, ledger, tombstones). */
export function subjectHash(tenant: string, subjectId: string): string {
  return createHash('sha256').update(`dax-subject\u0000${tenant}\u0000${subjectId}`).digest('hex');
}
