import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { KnownAt } from '@ledger/projections';
import { badQuery } from '../http/query-params';

/**
 * `knownAt=<ISO timestamp>` or `atPosition=<global position>` on a read endpoint: the answer
 * from the events recorded by then only (the ledger as it showed then). With `asOf` it gives
 * both axes of the bitemporal ledger — what was true on a date, as known at an instant.
 */
export const KnownAtQuery = createParamDecorator((_: unknown, context: ExecutionContext): KnownAt | undefined => {
  const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
  return parseKnownAt(query.knownAt, query.atPosition);
});

export function parseKnownAt(knownAt: unknown, atPosition: unknown): KnownAt | undefined {
  const cut: KnownAt = {};
  if (knownAt !== undefined && knownAt !== '') {
    if (typeof knownAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(knownAt) || Number.isNaN(Date.parse(knownAt))) {
      throw badQuery('knownAt', 'must be an ISO 8601 instant with its time zone, e.g. 2025-03-01T00:00:00Z');
    }
    // recordedAt is stored as toISOString (UTC, milliseconds): compare like with like.
    cut.recordedAt = new Date(knownAt).toISOString();
  }
  if (atPosition !== undefined && atPosition !== '') {
    if (typeof atPosition !== 'string' || !/^\d{1,18}$/.test(atPosition)) throw badQuery('atPosition', 'must be a global position (an integer)');
    cut.position = BigInt(atPosition);
  }
  return cut.recordedAt === undefined && cut.position === undefined ? undefined : cut;
}

/** The two query parameters in /openapi.json. */
export const ApiKnownAt = () =>
  applyDecorators(
    ApiQuery({ name: 'knownAt', required: false, description: 'ISO 8601 instant: answer from the events recorded by then only (what the ledger showed then); with asOf, both axes' }),
    ApiQuery({ name: 'atPosition', required: false, description: 'global position: answer from the events up to it only' }),
  );
