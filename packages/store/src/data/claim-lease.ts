import type { Kysely } from 'kysely';
import type { DataHandlingDatabase } from './data-handling-database.js';

/**
 * Takes the named lease for `holder` until `expiresAt` if it is free, expired or
 * already this holder's. Portable: an insert that does nothing on conflict, then a
 * conditional update, so two replicas never both hold it.
 */
export async function claimLease(
  database: Kysely<DataHandlingDatabase>,
  lease: { readonly name: string; readonly holder: string; readonly now: string; readonly expiresAt: string },
): Promise<boolean> {
  const inserted = await database
    .insertInto('maintenance_leases')
    .values({ name: lease.name, holder: lease.holder, expires_at: lease.expiresAt })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
  const updated = await database
    .updateTable('maintenance_leases')
    .set({ holder: lease.holder, expires_at: lease.expiresAt })
    .where('name', '=', lease.name)
    .where((expression) => expression.or([expression('expires_at', '<', lease.now), expression('holder', '=', lease.holder)]))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Gives the lease up if this holder still has it. */
export async function releaseLease(database: Kysely<DataHandlingDatabase>, name: string, holder: string): Promise<void> {
  await database.deleteFrom('maintenance_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
