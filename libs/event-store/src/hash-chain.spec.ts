import { createHash } from 'node:crypto';
import { chainEvents, eventHash, GENESIS_HASH, HashableEvent } from './hash-chain';
import type { NewEvent } from './event-store.port';

const metadata = {
  eventId: 'e-1',
  coopId: 'c1',
  actor: { sub: 'g-1', role: 'gerant' },
  correlationId: 'k',
  causationId: 'k',
  recordedAt: '2024-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

const subscribed: HashableEvent = {
  streamId: 'cooperative-c1',
  revision: 0n,
  type: 'SharesSubscribed',
  data: { shares: 1 },
  metadata: { ...metadata, prevHash: GENESIS_HASH },
};

describe('hash chain', () => {
  it('hashes the canonical JSON of stream, revision (a number), type, data and metadata', () => {
    // Pinned so that any other tool (an auditor's script, the EventStoreDB adapter) can recompute it.
    const text =
      '{"data":{"shares":1},"metadata":{"actor":{"role":"gerant","sub":"g-1"},"causationId":"k","coopId":"c1",' +
      `"correlationId":"k","eventId":"e-1","prevHash":"${GENESIS_HASH}","recordedAt":"2024-01-01T00:00:00.000Z",` +
      '"schemaVersion":1},"revision":0,"streamId":"cooperative-c1","type":"SharesSubscribed"}';
    expect(eventHash(subscribed)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('leaves the stored hash out of what it hashes', () => {
    const stored = { ...subscribed, metadata: { ...subscribed.metadata, hash: 'f'.repeat(64) } };
    expect(eventHash(stored)).toBe(eventHash(subscribed));
  });

  it('changes with every part of the event', () => {
    const variants: HashableEvent[] = [
      { ...subscribed, streamId: 'cooperative-c2' },
      { ...subscribed, revision: 1n },
      { ...subscribed, type: 'SharesRedeemed' },
      { ...subscribed, data: { shares: 2 } },
      { ...subscribed, metadata: { ...subscribed.metadata, prevHash: 'a'.repeat(64) } },
      { ...subscribed, metadata: { ...subscribed.metadata, recordedAt: '2024-01-01T00:00:00.001Z' } },
    ];
    const hashes = new Set([eventHash(subscribed), ...variants.map(eventHash)]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('links new events onto the stream head, ignoring any links the writer passed', () => {
    const newEvents: NewEvent[] = ['A', 'B'].map((type) => ({
      type,
      data: {},
      metadata: { ...metadata, prevHash: 'forged', hash: 'forged' } as NewEvent['metadata'],
    }));
    const head = 'c'.repeat(64);
    const [a, b] = chainEvents('cooperative-c1', 5n, head, newEvents);
    expect([a.revision, b.revision]).toEqual([5n, 6n]);
    expect(a.metadata.prevHash).toBe(head);
    expect(b.metadata.prevHash).toBe(a.metadata.hash);
    expect(a.metadata.hash).toBe(eventHash({ streamId: 'cooperative-c1', ...a }));
    expect(b.metadata.hash).toBe(eventHash({ streamId: 'cooperative-c1', ...b }));
  });
});
