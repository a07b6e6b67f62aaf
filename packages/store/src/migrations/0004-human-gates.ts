import type { Kysely, Migration } from 'kysely';

/**
 * Human gates (DA-7): one gate per paused run, each person's decision on it,
 * and the notification outbox (one row per transition and webhook target, so a
 * delivery is never silently dropped nor sent twice). Claim columns let several
 * replicas share the SLA sweep and the deliveries. Portable SQL, repeatable.
 */
export const createHumanGates: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('gates')
      .ifNotExists()
      .addColumn('gate_id', 'text', (column) => column.primaryKey())
      .addColumn('run_id', 'text', (column) => column.notNull().unique().references('runs.run_id').onDelete('cascade'))
      .addColumn('tenant', 'text', (column) => column.notNull())
      .addColumn('domain', 'text', (column) => column.notNull())
      .addColumn('risk', 'text', (column) => column.notNull())
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('rule_ids_json', 'text', (column) => column.notNull())
      .addColumn('rotation', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('level', 'integer', (column) => column.notNull())
      .addColumn('required_approvals', 'integer', (column) => column.notNull())
      .addColumn('caller', 'text')
      .addColumn('opened_at', 'text', (column) => column.notNull())
      .addColumn('acknowledge_by', 'text')
      .addColumn('decide_by', 'text', (column) => column.notNull())
      .addColumn('acknowledged_by', 'text')
      .addColumn('acknowledged_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('resumed', 'integer', (column) => column.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claim_until', 'text')
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await database.schema.createIndex('gates_tenant_status').ifNotExists().on('gates').columns(['tenant', 'status', 'opened_at']).execute();
    await database.schema.createIndex('gates_status_decide').ifNotExists().on('gates').columns(['status', 'decide_by']).execute();

    await database.schema
      .createTable('gate_decisions')
      .ifNotExists()
      .addColumn('gate_id', 'text', (column) => column.notNull().references('gates.gate_id').onDelete('cascade'))
      .addColumn('approver', 'text', (column) => column.notNull())
      .addColumn('decision', 'text', (column) => column.notNull())
      .addColumn('comment', 'text')
      .addColumn('decided_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('gate_decisions_pk', ['gate_id', 'approver'])
      .execute();

    await database.schema
      .createTable('gate_outbox')
      .ifNotExists()
      .addColumn('outbox_id', 'text', (column) => column.primaryKey())
      .addColumn('gate_id', 'text', (column) => column.notNull().references('gates.gate_id').onDelete('cascade'))
      .addColumn('transition', 'text', (column) => column.notNull())
      .addColumn('target', 'text', (column) => column.notNull())
      .addColumn('payload_json', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('next_attempt_at', 'text', (column) => column.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('claimed_by', 'text')
      .addColumn('claim_until', 'text')
      .execute();
    await database.schema.createIndex('gate_outbox_due').ifNotExists().on('gate_outbox').columns(['status', 'next_attempt_at']).execute();
    await database.schema.createIndex('gate_outbox_gate').ifNotExists().on('gate_outbox').column('gate_id').execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('gate_outbox').ifExists().execute();
    await database.schema.dropTable('gate_decisions').ifExists().execute();
    await database.schema.dropTable('gates').ifExists().execute();
  },
};
