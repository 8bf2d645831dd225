import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isAscii } from 'node:buffer';
import { ChainBreak, ExpectedHead, verifyEvents } from '@ledger/event-store/verification';
import { coopIdOfStream, EventMetadata, JsonObject, RecordedEvent, UnreadableEventError } from '@ledger/event-store/event-store.port';

/**
 * The audit bundle: a cooperative's whole history in one NDJSON file an auditor can take away
 * and check with no server (`ledger verify`). One JSON object a line:
 *
 *   {"kind":"manifest", format, coopId, generatedAt, position, streams, events, heads, digest}
 *   {"kind":"event", position, streamId, revision, type, data, metadata}   — global order
 *   …
 *   {"kind":"end", events, sha256}
 *
 * `data` and `metadata` are the stored canonical JSON, so each event's hash is recomputed from
 * what the file holds. The global position is not hashed in the chain (it changes when a ledger
 * moves to another store); the end line's `sha256` (over every byte before it) catches an edit
 * of a position, or of anything else, made to the file after it was written.
 */

export const AUDIT_BUNDLE_FORMAT = 'cooperative-ledger/audit-bundle@1';

export interface BundleHead {
  revision: number;
  hash: string;
  position: string;
}

export interface BundleManifest {
  kind: 'manifest';
  format: typeof AUDIT_BUNDLE_FORMAT;
  coopId: string;
  /** When the server wrote the bundle (its clock, ISO 8601 UTC). */
  generatedAt: string;
  /** The global position the bundle stops at (its last event's), null for no event. */
  position: string | null;
  streams: number;
  events: number;
  /** Each stream's last event in the bundle: what a later bundle's chain must go through. */
  heads: Record<string, BundleHead>;
  /** ledgerDigest over the heads: the digest a closed AG's minutes print, for the AGs it covers. */
  digest: string;
}

export interface BundleEventLine {
  kind: 'event';
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface BundleEnd {
  kind: 'end';
  events: number;
  /** sha256 hex of every byte of the file before this line. */
  sha256: string;
}

/** Writes a bundle line by line, keeping the running hash the end line carries. */
export class AuditBundleWriter {
  private readonly hash = new TextHash();
  private count = 0;

  manifest(manifest: Omit<BundleManifest, 'kind' | 'format'>): string {
    return this.line({ kind: 'manifest', format: AUDIT_BUNDLE_FORMAT, ...manifest });
  }

  event(event: RecordedEvent): string {
    this.count++;
    return this.line({
      kind: 'event',
      position: event.position.toString(),
      streamId: event.streamId,
      revision: Number(event.revision),
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    } satisfies BundleEventLine);
  }

  end(): string {
    return `${JSON.stringify({ kind: 'end', events: this.count, sha256: this.hash.hex() } satisfies BundleEnd)}\n`;
  }

  private line(value: object): string {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.add(text);
    return text;
  }
}

/** What is wrong with the file itself, apart from the hash chains. */
export type BundleProblemReason =
  | 'not_json'
  | 'no_manifest'
  | 'unknown_format'
  | 'bad_line'
  | 'other_cooperative'
  | 'position_out_of_order'
  | 'event_after_end'
  | 'no_end'
  | 'file_hash_mismatch'
  | 'count_mismatch'
  | 'digest_mismatch'
  | 'head_beyond_manifest';

export interface BundleProblem {
  reason: BundleProblemReason;
  /** 1-based line of the file. */
  line: number;
  detail: string;
}

/** The first broken event, named. */
export interface BrokenEvent extends Omit<ChainBreak, 'revision'> {
  revision: number;
  /** Present when the bundle has the event (a missing tail has none). */
  line?: number;
  position?: string;
  eventId?: string;
  type?: string;
}

export interface BundleReport {
  valid: boolean;
  coopId: string | null;
  generatedAt: string | null;
  events: number;
  streams: number;
  /** Recomputed from the events, whatever the manifest says. */
  digest: string;
  manifestDigest: string | null;
  position: string | null;
  /** The first place a hash chain breaks (the bundle's lines, not the file, told apart below). */
  firstBreak?: BrokenEvent;
  /** The first thing wrong with the file (format, manifest, end line). */
  problem?: BundleProblem;
}

export interface VerifyBundleOptions {
  /** Every event read, in order, once it is parsed (a replay folds them as they come). */
  onEvent?: (event: RecordedEvent) => void;
  /** Called every `progressEvery` events with how many were read and how many the manifest announced. */
  onProgress?: (read: number, announced: number | null) => void;
  progressEvery?: number;
  /** Reads the file again to name the event of a break (line, position, eventId); absent: the break names stream and revision only. */
  reread?: () => AsyncIterable<string>;
}

/**
 * Recomputes every event's hash, every stream's chain, the digest, the counts and the file's own
 * hash, reusing the store's verification (`verifyEvents`) with the manifest's heads pinned.
 * `lines` are the file's lines without their "\n".
 */
export async function verifyBundle(lines: AsyncIterable<string>, options: VerifyBundleOptions = {}): Promise<BundleReport> {
  const every = options.progressEvery ?? 50_000;
  const fileHash = new TextHash();
  let manifest: BundleManifest | undefined;
  let end: BundleEnd | undefined;
  let problem: BundleProblem | undefined;
  let lineNumber = 0;
  let events = 0;
  let lastPosition: bigint | undefined;
  const flag = (reason: BundleProblemReason, detail: string, line = lineNumber) => {
    problem ??= { reason, line, detail };
  };

  async function* parsed(): AsyncGenerator<RecordedEvent> {
    for await (const text of lines) {
      lineNumber++;
      if (text === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const where = /"streamId":"([^"]*)","revision":(\d+)/.exec(text);
        flag('not_json', 'the line is not JSON');
        if (where) throw new UnreadableEventError(where[1], BigInt(where[2]), lastPosition ?? 0n);
        return;
      }
      const kind = (value as { kind?: unknown }).kind;
      if (end) flag('event_after_end', 'a line after the end line');
      if (lineNumber === 1) {
        if (kind !== 'manifest') return flag('no_manifest', 'the first line is not the manifest');
        manifest = value as BundleManifest;
        if (manifest.format !== AUDIT_BUNDLE_FORMAT) flag('unknown_format', `format ${String(manifest.format)} is not ${AUDIT_BUNDLE_FORMAT}`);
        fileHash.add(`${text}\n`);
        continue;
      }
      if (kind === 'end') {
        end = value as BundleEnd;
        continue;
      }
      fileHash.add(`${text}\n`);
      const event = recordedEventOf(value);
      if (!event) {
        flag('bad_line', 'not an event line (kind, position, streamId, revision, type, data, metadata)');
        continue;
      }
      if (manifest && (coopIdOfStream(event.streamId) ?? event.metadata.coopId) !== manifest.coopId) flag('other_cooperative', `${event.streamId} is not a stream of ${manifest.coopId}`);
      if (lastPosition !== undefined && event.position <= lastPosition) flag('position_out_of_order', `position ${event.position} after ${lastPosition}`);
      lastPosition = event.position;
      events++;
      options.onEvent?.(event);
      if (options.onProgress && events % every === 0) options.onProgress(events, manifest?.events ?? null);
      yield event;
    }
  }

  const pinned: Record<string, ExpectedHead> = {};
  const verification = await verifyEvents(
    {
      [Symbol.asyncIterator]: () => {
        // The manifest is read by the first step, before verifyEvents looks at the pinned heads at the end.
        const inner = parsed();
        return {
          next: async () => {
            const step = await inner.next();
            if (manifest && Object.keys(pinned).length === 0) for (const [id, head] of Object.entries(manifest.heads ?? {})) pinned[id] = { revision: BigInt(head.revision), hash: head.hash };
            return step;
          },
        };
      },
    },
    pinned,
  );
  if (options.onProgress && events >= every) options.onProgress(events, manifest?.events ?? null);

  if (!manifest) flag('no_manifest', 'the file holds no manifest', 1);
  else {
    if (!end) flag('no_end', 'the end line is missing: the file was cut short', lineNumber);
    else {
      const sha256 = fileHash.hex();
      if (end.sha256 !== sha256) flag('file_hash_mismatch', `the file hashes to ${sha256}, the end line says ${end.sha256}: it was edited after it was written`, lineNumber);
      if (end.events !== events) flag('count_mismatch', `${events} events read, the end line says ${end.events}`, lineNumber);
    }
    if (manifest.events !== events) flag('count_mismatch', `${events} events read, the manifest says ${manifest.events}`, 1);
    if (manifest.digest !== verification.digest) flag('digest_mismatch', `the heads found digest to ${verification.digest}, the manifest says ${manifest.digest}`, 1);
    for (const [streamId, head] of Object.entries(verification.heads)) {
      const announced = manifest.heads?.[streamId];
      if (!announced || BigInt(announced.revision) < head.revision) flag('head_beyond_manifest', `${streamId} goes to revision ${head.revision}, beyond the manifest's heads`, 1);
    }
  }

  let firstBreak: BrokenEvent | undefined;
  if (verification.firstBreak) {
    firstBreak = { ...verification.firstBreak, revision: Number(verification.firstBreak.revision) };
    if (options.reread) Object.assign(firstBreak, await locate(options.reread(), firstBreak.streamId, firstBreak.revision));
  }
  return {
    valid: verification.valid && problem === undefined,
    coopId: manifest?.coopId ?? null,
    generatedAt: manifest?.generatedAt ?? null,
    events,
    streams: verification.streams,
    digest: verification.digest,
    manifestDigest: manifest?.digest ?? null,
    position: lastPosition === undefined ? null : lastPosition.toString(),
    ...(firstBreak ? { firstBreak } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** The line, position and id of a stream's event at a revision, read again from the file. */
async function locate(lines: AsyncIterable<string>, streamId: string, revision: number): Promise<Partial<BrokenEvent>> {
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.includes(streamId)) continue;
    try {
      const value = JSON.parse(text) as Partial<BundleEventLine>;
      if (value.kind === 'event' && value.streamId === streamId && value.revision === revision) {
        return { line, position: String(value.position), eventId: value.metadata?.eventId, type: value.type };
      }
    } catch {
      const where = /"streamId":"([^"]*)","revision":(\d+)/.exec(text);
      if (where && where[1] === streamId && Number(where[2]) === revision) return { line };
    }
  }
  return {};
}

function recordedEventOf(value: unknown): RecordedEvent | undefined {
  const line = value as Partial<BundleEventLine>;
  if (line.kind !== 'event' || typeof line.streamId !== 'string' || typeof line.type !== 'string') return undefined;
  if (typeof line.position !== 'string' || !/^\d{1,20}$/.test(line.position)) return undefined;
  if (typeof line.revision !== 'number' || !Number.isSafeInteger(line.revision) || line.revision < 0) return undefined;
  if (!isObject(line.data) || !isObject(line.metadata) || typeof line.metadata.hash !== 'string') return undefined;
  return { streamId: line.streamId, revision: BigInt(line.revision), position: BigInt(line.position), type: line.type, data: line.data, metadata: line.metadata };
}

function isObject(value: unknown): value is JsonObject & EventMetadata {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A bundle file's lines, without their "\n" (nor a "\r" before it), read in chunks of 1 MiB: a
 * bundle of a million events is never held whole. Split here rather than by `readline`, which
 * took a quarter of an offline verification; a chunk is cut after its last "\n" (a byte no other
 * UTF-8 character contains), and one of ASCII only is read as Latin-1, the same text three times
 * faster than decoding UTF-8.
 */
export async function* bundleFileLines(file: string, chunkBytes = 1 << 20): AsyncGenerator<string> {
  let rest: Buffer | undefined;
  for await (const read of createReadStream(file, { highWaterMark: chunkBytes })) {
    const chunk = rest ? Buffer.concat([rest, read as Buffer]) : (read as Buffer);
    const last = chunk.lastIndexOf(0x0a);
    rest = last === -1 ? chunk : chunk.subarray(last + 1);
    if (last !== -1) yield* linesOf(textOf(chunk.subarray(0, last)));
  }
  if (rest !== undefined && rest.length > 0) yield* linesOf(textOf(rest));
}

function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function* linesOf(text: string): Generator<string> {
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    yield withoutCarriageReturn(text.slice(start, end));
    start = end + 1;
  }
  yield withoutCarriageReturn(text.slice(start));
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** A sha256 of text given a line at a time, handed to the hash 64 KiB at a time: a call per line of a million cost more than the hashing. */
class TextHash {
  private readonly hash = createHash('sha256');
  private pending = '';

  add(text: string): void {
    this.pending += text;
    if (this.pending.length >= 1 << 16) this.flush();
  }

  hex(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    this.hash.update(this.pending, 'utf8');
    this.pending = '';
  }
}
