import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, catchError, finalize, from, mergeMap, of, throwError } from 'rxjs';
import { EventStore, RecordedEvent, canonicalJson } from '@ledger/event-store';
import { Caller } from '../auth/roles';
import { EVENT_STORE } from '../infrastructure/tokens';
import { RecoveredCommand } from '../write/command-metadata';
import { IdempotencyStore, KeyOwner } from './idempotency.store';
import { ownerMayStillAnswer, thisProcess } from './key-owner';
import { ProblemException } from './problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** How long a pending key outlives its owner's last sign of life. */
export const PENDING_TTL_MS = 30_000;
const RENEW_EVERY_MS = PENDING_TTL_MS / 3;

type CommandRequest = FastifyRequest & { caller?: Caller; idempotency?: { seed: string; recovered?: RecoveredCommand } };

/**
 * Idempotency-Key on every POST (docs/api.md): same key and same body ⇒ the first answer again
 * with 200, nothing appended; same key, another body ⇒ 422 IDEMPOTENCY-KEY-REUSED.
 *
 * The key is reserved (pending, owned by this process) before the command runs and completed
 * with the answer after. A process killed in between leaves it pending: the next retry finds its
 * owner dead (or its reservation expired), takes it over, and looks in the event store for the
 * events recorded under the key. Found: the command was recorded, and the retry is answered as
 * the first request would have been — the handler runs again on those events instead of
 * deciding, and ids the server generated are derived from the key, so they are the same.
 * Not found: the command never landed and runs now. A refused command appended nothing and
 * releases its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private readonly me: KeyOwner = thisProcess();
  private readonly inFlight = new Set<string>();
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly keys: IdempotencyStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.renewal = setInterval(() => this.renew(), RENEW_EVERY_MS);
    this.renewal.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.renewal);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<CommandRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ProblemException(400, 'IDEMPOTENCY-KEY-INVALID', 'Idempotency-Key must be 1 to 200 printable ASCII characters');
    }
    const scope = request.caller?.sub ?? 'anonymous';
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson((request.body ?? null) as never)}`)
      .digest('hex');
    return from(this.begin(scope, key, fingerprint)).pipe(
      mergeMap((start) => {
        if (start.kind === 'replay') return of(this.replay(reply, start.response.body, start.response.etag));
        const flight = `${scope}\n${key}`;
        this.inFlight.add(flight);
        request.idempotency = { seed: createHash('sha256').update(`${scope}\n${key}\n${fingerprint}`).digest('hex'), recovered: start.recovered };
        return next.handle().pipe(
          mergeMap((body) => from(this.finish(scope, key, reply, body, start.recovered !== undefined))),
          catchError((error: unknown) => from(this.fail(scope, key, start.recovered !== undefined)).pipe(mergeMap(() => throwError(() => error)))),
          finalize(() => this.inFlight.delete(flight)),
        );
      }),
    );
  }

  private async begin(scope: string, key: string, fingerprint: string): Promise<{ kind: 'replay'; response: { body: unknown; etag: string | null } } | { kind: 'run'; recovered?: RecoveredCommand }> {
    const now = Date.now();
    const reservation = await this.keys.reserve(scope, key, fingerprint, this.me, now + PENDING_TTL_MS);
    if (reservation.kind === 'reserved') return { kind: 'run' };
    const known = reservation.kind === 'replay' ? reservation.response.fingerprint : reservation.pending.fingerprint;
    if (known !== fingerprint) {
      throw new ProblemException(422, 'IDEMPOTENCY-KEY-REUSED', 'This Idempotency-Key was already used with another request body or path; use a new key for a new request');
    }
    if (reservation.kind === 'replay') return { kind: 'replay', response: reservation.response };
    const pending = reservation.pending;
    if (ownerMayStillAnswer(pending, this.me, now, this.inFlight.has(`${scope}\n${key}`)) || !(await this.keys.takeOver(scope, key, pending, this.me, now + PENDING_TTL_MS))) {
      throw new ProblemException(409, 'IDEMPOTENCY-KEY-IN-PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    const recorded = await this.recordedUnder(scope, key);
    this.logger.warn(
      `Idempotency-Key ${JSON.stringify(key)} of ${scope} was left pending by a process that is gone: ${recorded ? `its command was recorded (${recorded.events.length} events), answering from them` : 'its command was not recorded, running it'}`,
    );
    return { kind: 'run', recovered: recorded };
  }

  private replay(reply: FastifyReply, body: unknown, etag: string | null): unknown {
    void reply.status(200);
    if (etag) void reply.header('etag', etag);
    void reply.header('idempotent-replay', 'true');
    return body;
  }

  private async finish(scope: string, key: string, reply: FastifyReply, body: unknown, recovered: boolean): Promise<unknown> {
    const etag = reply.getHeader('etag');
    await this.keys.complete(scope, key, this.me, { status: reply.statusCode, body, etag: typeof etag === 'string' ? etag : null });
    // A recovered answer is a replay: the command was recorded by the first request.
    return recovered ? this.replay(reply, body, typeof etag === 'string' ? etag : null) : body;
  }

  /**
   * A request that failed may still have recorded its command (an error after the append, or a
   * recovery whose handler failed): its key then stays pending for the next retry to recover.
   * Only a request that recorded nothing frees its key.
   */
  private async fail(scope: string, key: string, recovered: boolean): Promise<void> {
    try {
      if (recovered || (await this.recordedUnder(scope, key))) await this.keys.abandon(scope, key, this.me);
      else await this.keys.release(scope, key, this.me);
    } catch (error) {
      this.logger.error(`Idempotency-Key ${JSON.stringify(key)} of ${scope} could not be freed: ${String(error)}; it will expire`);
    }
  }

  /** The command recorded under this key by this caller, as the write path answered it; undefined when none was. */
  private async recordedUnder(scope: string, key: string): Promise<RecoveredCommand | undefined> {
    const events = this.store.findByIdempotencyKey ? await this.store.findByIdempotencyKey(scope, key) : await this.scan(scope, key);
    if (events.length === 0) return undefined;
    const last = events[events.length - 1];
    if (events.some((e) => e.streamId !== last.streamId)) throw new Error(`Events recorded under Idempotency-Key ${JSON.stringify(key)} of ${scope} span several streams`);
    return {
      streamId: last.streamId,
      events: events.map((e) => ({ eventId: e.metadata.eventId, type: e.type, data: e.data })),
      revision: last.revision,
      position: last.position,
    };
  }

  /** For an event store without findByIdempotencyKey: the whole log, once per recovery (rare: after a crash). */
  private async scan(scope: string, key: string): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    for await (const e of this.store.readAll()) if (e.metadata.idempotencyKey === key && e.metadata.actor.sub === scope) found.push(e);
    return found;
  }

  private renew(): void {
    if (this.inFlight.size === 0) return;
    this.keys.renew(this.me, Date.now() + PENDING_TTL_MS).catch((error: unknown) => this.logger.error(`Pending Idempotency-Keys could not be renewed: ${String(error)}`));
  }
}
