import type { Pool } from 'pg';

type Pg = typeof import('pg');
let pgModule: Pg | undefined;

/** The PostgreSQL client (a tenth of a second to load) only once a PostgreSQL store is opened: not at every start on SQLite. */
export function pg(): Pg {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose (see above)
  return (pgModule ??= require('pg') as Pg);
}

/**
 * Runs DDL under a transaction-level advisory lock. CREATE … IF NOT EXISTS races with itself
 * across connections (two replicas starting, the event store creating the schema): one creator at
 * a time, under the lock PostgresEventStore takes for it.
 */
export async function createUnderLock(pool: Pool, lock: string, ddl: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lock]);
    await client.query(ddl);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
