import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The tables the migrations created (Kysely's own bookkeeping excluded), parents
 * before children so rows can be inserted in this order. Found by introspection,
 * so tables added by later migrations are included without change here.
 */
export async function listStoreTables(database: Kysely<unknown>): Promise<string[]> {
  const postgres = database.getExecutor().adapter instanceof PostgresAdapter;
  let tables: string[];
  let parentsOf: (table: string) => Promise<string[]>;
  if (postgres) {
    // Only this schema: Kysely's introspector reads every schema and fails when another is dropped meanwhile.
    tables = (
      await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database)
    ).rows.map((row) => row.name);
    const links = (
      await sql<{ child: string; parent: string }>`
        select tc.table_name as child, ccu.table_name as parent
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu
          on tc.constraint_name = ccu.constraint_name and tc.table_schema = ccu.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(database)
    ).rows;
    parentsOf = (table) => Promise.resolve(links.filter((link) => link.child === table).map((link) => link.parent));
  } else {
    tables = (await database.introspection.getTables()).filter((table) => !table.isView).map((table) => table.name);
    parentsOf = async (table) =>
      (await sql<{ parent: string }>`select "table" as parent from pragma_foreign_key_list(${table})`.execute(database)).rows.map((row) => row.parent);
  }
  const names = tables.filter((name) => !name.startsWith('kysely_migration')).sort();
  const parents = new Map<string, string[]>();
  for (const name of names) parents.set(name, (await parentsOf(name)).filter((parent) => parent !== name && names.includes(parent)));
  const ordered: string[] = [];
  const visit = (name: string, path: ReadonlySet<string>): void => {
    if (ordered.includes(name) || path.has(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent, new Set([...path, name]));
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

/**
 * Tables a migration seeds with a row of its own (the evidence log's head at size 0):
 * such a row is not data, so a fresh store still counts as empty and a restore
 * replaces it. Maps the table to the column that is positive once real data exist.
 */
export const seededTables: Readonly<Record<string, string>> = { evidence_log_head: 'tree_size' };

/** Rows of a table that are data (a seeded table's initial row excluded). */
export async function countDataRows(database: Kysely<Record<string, Record<string, unknown>>>, name: string): Promise<number> {
  const seededColumn = seededTables[name];
  let query = database.selectFrom(name).select((expression) => expression.fn.countAll().as('count'));
  if (seededColumn !== undefined) query = query.where(seededColumn, '>', 0);
  const row = await query.executeTakeFirst();
  return Number(row?.count ?? 0);
}
