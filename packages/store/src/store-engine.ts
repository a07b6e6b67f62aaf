/** Which database engine a Kysely store talks to; a few statements differ per engine. */
export type StoreEngine = 'sqlite' | 'postgres';
