import { randomBytes } from 'node:crypto';
import { EsdbEventStore } from '@ledger/event-store';
import { describeEventStoreContract } from './event-store.contract';

/**
 * EventStoreDB cannot run on this repository's CI machines: the contract suite runs against the
 * adapter only when EVENTSTORE_CONNECTION_STRING names a server (each test in a namespace of its
 * own on it). Without one, it declares no test and says so in one line.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('EsdbEventStore', async () => {
    const store = new EsdbEventStore({ connectionString, namespace: `t${randomBytes(6).toString('hex')}` });
    return { store, cleanup: () => store.close() };
  });
} else {
  process.stderr.write('NOT RUN: the EventStore contract suite against EsdbEventStore needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://127.0.0.1:2113?tls=false); none is set.\n');
}

describe('EsdbEventStore without a server', () => {
  it('refuses a namespace that would not make a plain stream prefix', () => {
    expect(() => new EsdbEventStore({ connectionString: 'esdb://127.0.0.1:2113?tls=false', namespace: 'a:b' })).toThrow(/namespace/);
  });

  it('answers ping false when no server answers, within its deadline', async () => {
    const store = new EsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false', deadlineMs: 1500 });
    const started = Date.now();
    expect(await store.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    await store.close();
  });

  it('fails an append, writing nothing, when no server answers', async () => {
    const store = new EsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false', deadlineMs: 1500 });
    await expect(store.append('cooperative-c1', [], 'no_stream')).rejects.toThrow();
    await store.close();
  });
});
