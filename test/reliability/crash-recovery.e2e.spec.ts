import Database from 'better-sqlite3';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ServerProcess, freePort } from './support/server-process';
import { onTestAppDatabase, removeDir, testSchemaOf } from '../support/test-app';

/**
 * Sized for CI (about 30 s). A longer soak: `CRASH_COMMANDS=5000 CRASH_CYCLES=40 CRASH_WRITERS=16 npx jest test/reliability/crash-recovery`.
 */
const COMMANDS = Number(process.env.CRASH_COMMANDS ?? 240);
const WRITERS = Number(process.env.CRASH_WRITERS ?? 8);
const CRASHES = Number(process.env.CRASH_CYCLES ?? 5);

interface Ack {
  status: number;
  body: { id: string; revision: number; position: number; events: Array<{ eventId: string; type: string }> };
  etag: string | null;
  replay: boolean;
}

/**
 * kill -9 of the real service (a process of its own on a data folder) while writers keep sending
 * commands, each under its own Idempotency-Key and retried with it until answered: whatever the
 * instant of the kill, no acknowledged command is lost, none is recorded twice, no key is left
 * pending, and every retry gets the first answer (same body, same ETag).
 */
describe('Crash recovery: kill -9 during concurrent writes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'));
  let server: ServerProcess;
  let gerant: string;
  let auditor: string;

  beforeAll(async () => {
    server = new ServerProcess(dataDir, await freePort());
    await server.start();
    ({ gerant, auditor } = server.tokens());
    const coop = { id: 'crash', name: 'Crash SCOP', legalForm: 'SCOP', companyForm: 'SA', registeredOn: '2020-01-01', shareValueCents: 100 };
    expect((await post('/v1/cooperatives', coop, 'setup-coop')).status).toBe(201);
    for (const id of ['ana', 'ben', 'cleo', 'dan']) {
      const admitted = await post('/v1/cooperatives/crash/associates', { id, name: id, personType: 'natural', category: 'employee', admittedOn: '2020-01-01', shares: 10 }, `setup-${id}`);
      expect(admitted.status).toBe(201);
    }
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  async function post(url: string, body: object, key: string): Promise<{ status: number; headers: Headers; json: unknown }> {
    const res = await fetch(`${server.base}${url}`, { method: 'POST', headers: { authorization: `Bearer ${gerant}`, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, json: await res.json().catch(() => null) };
  }

  /** The i-th command: one share for one of four associates, dated so that every order of arrival is legal. */
  const command = (i: number) => ({
    url: `/v1/cooperatives/crash/associates/${['ana', 'ben', 'cleo', 'dan'][i % 4]}/subscriptions`,
    body: { shares: 1, effectiveDate: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` },
    key: `crash-cmd-${i}`,
  });

  it(
    `${COMMANDS} commands by ${WRITERS} writers through ${CRASHES} kill -9: none lost, none twice, no key stuck, every retry answered as the first time`,
    async () => {
      const acks = new Map<number, Ack>();
      const answers = { created: 0, recovered: 0, inProgress: 0, refusedConnection: 0, serverErrors: 0 };
      let next = 0;
      let down = false;

      const writer = async () => {
        for (let i = next++; i < COMMANDS; i = next++) {
          const { url, body, key } = command(i);
          for (let attempt = 0; ; attempt++) {
            if (attempt > 2000) throw new Error(`Command ${i} never answered`);
            try {
              const res = await post(url, body, key);
              if (res.status === 201 || res.status === 200) {
                acks.set(i, { status: res.status, body: res.json as Ack['body'], etag: res.headers.get('etag'), replay: res.headers.get('idempotent-replay') === 'true' });
                if (res.status === 201) answers.created++;
                else answers.recovered++;
                break;
              }
              if (res.status === 409) answers.inProgress++;
              else if (res.status >= 500) answers.serverErrors++;
              else throw new Error(`Command ${i} refused: ${res.status} ${JSON.stringify(res.json)}`);
            } catch (error) {
              if (error instanceof Error && error.message.startsWith('Command')) throw error;
              answers.refusedConnection++;
            }
            await new Promise((r) => setTimeout(r, down ? 100 : 20));
          }
        }
      };

      const killer = async () => {
        for (let crash = 0; crash < CRASHES; crash++) {
          const target = Math.floor(((crash + 1) * COMMANDS) / (CRASHES + 1));
          while (acks.size < target) await new Promise((r) => setTimeout(r, 5));
          // A little later, at an instant no one chose: commands are in flight.
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
          down = true;
          await server.crash();
          await server.start();
          down = false;
        }
      };

      await Promise.all([...Array.from({ length: WRITERS }, writer), killer()]);
      expect(answers.serverErrors).toBe(0);
      expect(acks.size).toBe(COMMANDS);

      // Every key asked again, after all crashes: the first answer, body and ETag, appended nothing.
      for (let i = 0; i < COMMANDS; i += 7) {
        const { url, body, key } = command(i);
        const again = await post(url, body, key);
        expect([i, again.status, again.json, again.headers.get('etag')]).toEqual([i, 200, acks.get(i)!.body, acks.get(i)!.etag]);
      }

      await server.stop();
      const { rows, stuck } = await recordedCommands(dataDir);
      const byKey = new Map<string, typeof rows>();
      for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
      const lost = [...acks.keys()].filter((i) => !byKey.has(command(i).key));
      const duplicated = [...byKey.values()].filter((events) => events.length > 1);
      // Each answer names the event that was recorded: its id, revision and position.
      const mismatched = [...acks].filter(([i, ack]) => {
        const [event] = byKey.get(command(i).key) ?? [];
        return !event || ack.body.events[0]?.eventId !== event.eventId || ack.body.revision !== event.revision || ack.body.position !== event.position || ack.etag !== `"${event.revision}"`;
      });
      console.log(
        `crash recovery (${process.env.LEDGER_STORE ?? 'sqlite'}): ${COMMANDS} commands, ${WRITERS} writers, ${CRASHES} kill -9; answered 201 ${answers.created}, recovered/replayed 200 ${answers.recovered}, ` +
          `409 in progress ${answers.inProgress}, connection refused ${answers.refusedConnection}, 5xx ${answers.serverErrors}; lost ${lost.length}, duplicated ${duplicated.length}, stuck keys ${stuck}, answers not matching their event ${mismatched.length}`,
      );
      expect({ lost, duplicated, stuck, mismatched: mismatched.map(([i]) => i) }).toEqual({ lost: [], duplicated: [], stuck: 0, mismatched: [] });
      expect(rows).toHaveLength(COMMANDS);
      await server.start();
      const verification = await fetch(`${server.base}/v1/cooperatives/crash/verification`, { headers: { authorization: `Bearer ${auditor}` } });
      expect(await verification.json()).toMatchObject({ valid: true });
    },
    110_000 * Math.max(1, (COMMANDS / 240) * (CRASHES / 5)),
  );
});

interface RecordedCommand {
  key: string;
  eventId: string;
  revision: number;
  position: number;
}

/** What the store holds once the server is stopped: the commands' events, and the idempotency keys still pending. */
async function recordedCommands(dataDir: string): Promise<{ rows: RecordedCommand[]; stuck: number }> {
  if (process.env.LEDGER_STORE === 'postgres') {
    const schema = testSchemaOf(dataDir);
    return onTestAppDatabase(async (db) => {
      const events = await db.query<{ key: string; eventId: string; revision: string; position: string }>(
        `SELECT idempotency_key AS key, metadata::jsonb ->> 'eventId' AS "eventId", revision, position FROM "${schema}".ledger_events WHERE type = 'SharesSubscribed' AND idempotency_key LIKE 'crash-cmd-%'`,
      );
      const pending = await db.query<{ count: string }>(`SELECT COUNT(*) AS count FROM "${schema}".idempotency_keys WHERE state = 'pending'`);
      return { rows: events.rows.map((row) => ({ ...row, revision: Number(row.revision), position: Number(row.position) })), stuck: Number(pending.rows[0].count) };
    });
  }
  const db = new Database(path.join(dataDir, 'ledger.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT json_extract(metadata, '$.idempotencyKey') AS key, json_extract(metadata, '$.eventId') AS eventId, revision, position FROM events WHERE type = 'SharesSubscribed' AND key LIKE 'crash-cmd-%'`)
      .all() as RecordedCommand[];
    const stuck = db.prepare(`SELECT COUNT(*) FROM idempotency_keys WHERE state = 'pending'`).pluck().get() as number;
    return { rows, stuck };
  } finally {
    db.close();
  }
}
