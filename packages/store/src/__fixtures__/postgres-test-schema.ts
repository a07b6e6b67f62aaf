import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres the tests use; CI starts it. Unreachable means the tests fail, never skip. */
export const testDatabaseUrl = process.env.DAX_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresTestSchema {
  readonly url: string;
  readonly schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named schema (`dax_test_<random>`) so that parallel test files never meet. */
export async function createPostgresTestSchema(): Promise<PostgresTestSchema> {
  const schema = `dax_test_${randomBytes(6).toString('hex')}`;
  await withClient((client) => client.query(`create schema ${schema}`));
  return {
    url: testDatabaseUrl,
    schema,
    drop: () => withClient((client) => client.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}
