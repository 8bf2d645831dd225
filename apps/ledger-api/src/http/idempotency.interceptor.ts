import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, from, mergeMap, of, tap } from 'rxjs';
import { canonicalJson } from '@ledger/event-store';
import { Caller } from '../auth/roles';
import { IdempotencyStore } from './idempotency.store';
import { ProblemException } from './problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on every POST (docs/api.md): same key and same body ⇒ the first answer again
 * with 200, nothing appended; same key, another body ⇒ 422 IDEMPOTENCY-KEY-REUSED.
 * Only successful answers are kept: a refused command appended nothing and may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { caller?: Caller }>();
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
    const reservation = this.keys.reserve(scope, key, fingerprint);
    if (reservation.kind !== 'reserved') {
      const known = reservation.kind === 'replay' ? reservation.response.fingerprint : reservation.fingerprint;
      if (known !== fingerprint) {
        throw new ProblemException(422, 'IDEMPOTENCY-KEY-REUSED', 'This Idempotency-Key was already used with another request body or path; use a new key for a new request');
      }
      if (reservation.kind === 'in_progress') {
        throw new ProblemException(409, 'IDEMPOTENCY-KEY-IN-PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
      }
      void reply.status(200);
      if (reservation.response.etag) void reply.header('etag', reservation.response.etag);
      void reply.header('idempotent-replay', 'true');
      return of(reservation.response.body);
    }
    return next.handle().pipe(
      tap({ error: () => this.keys.release(scope, key) }),
      mergeMap((body) =>
        from(
          (async () => {
            const etag = reply.getHeader('etag');
            this.keys.complete(scope, key, reply.statusCode, body, typeof etag === 'string' ? etag : null);
            return body;
          })(),
        ),
      ),
    );
  }
}
