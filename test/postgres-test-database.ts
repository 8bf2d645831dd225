import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL the tests run on: `TEST_DATABASE_URL`, else the machine's own (trust auth on
 * 127.0.0.1, database `test`). Every suite works in a schema of its own, dropped at the end.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresAvailability {
  available: boolean;
  reason?: string;
}

let probed: PostgresAvailability | undefined;

/**
 * Whether PostgreSQL answers, asked once per test file before any test is declared (Jest
 * collects tests synchronously, hence a child process).
 */
export function postgresAvailability(): PostgresAvailability {
  if (probed) return probed;
  const probe = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
      () => process.exit(0),
      (error) => { process.stderr.write(String(error.message)); process.exit(1); },
    );`;
  const result = spawnSync(process.execPath, ['-e', probe, TEST_DATABASE_URL], { encoding: 'utf8', timeout: 10_000 });
  probed = result.status === 0 ? { available: true } : { available: false, reason: (result.stderr || result.error?.message || 'no answer').trim() };
  return probed;
}

/**
 * `describe` for suites that need PostgreSQL. In CI (CI=true) they always run, and a missing
 * PostgreSQL fails the run; elsewhere, without PostgreSQL, the suite declares no test and says so
 * in one line (it is not counted as passed).
 */
export function describeWithPostgres(name: string, body: () => void): void {
  const { available, reason } = postgresAvailability();
  if (available) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      it('reaches PostgreSQL (CI=true: suites that need it must run)', () => {
        throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} does not answer: ${reason}`);
      });
    });
  }
  process.stderr.write(`NOT RUN: "${name}" needs PostgreSQL at ${TEST_DATABASE_URL}, which does not answer (${reason}).\n`);
}

/** A schema name no other suite or run uses. */
export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The same, for synchronous teardown helpers (test/support/test-app.ts's removeDir). */
export function dropSchemaSync(schema: string, connectionString = process.env.DATABASE_URL ?? TEST_DATABASE_URL): void {
  const drop = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.argv[1] });
    client.connect().then(() => client.query('DROP SCHEMA IF EXISTS "' + process.argv[2] + '" CASCADE')).then(() => client.end()).then(
      () => process.exit(0),
      (error) => { process.stderr.write(String(error.message)); process.exit(1); },
    );`;
  const result = spawnSync(process.execPath, ['-e', drop, connectionString, schema], { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`Could not drop test schema ${schema}: ${result.stderr || result.error?.message}`);
}

/** Runs one statement on the test database (for tests that reach behind the store). */
export async function onTestDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
