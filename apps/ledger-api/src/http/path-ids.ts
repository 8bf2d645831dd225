import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemOf } from './problem';
import { ID_PATTERN } from './validators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Path parameters that name an event (a generated UUID, in whatever case a client copied it). */
const EVENT_IDS = new Set(['eventId', 'movementId', 'jobId']);

/**
 * docs/api.md: ids match `^[a-z0-9][a-z0-9-]{0,62}$` (events: UUIDs). A path id that cannot
 * name anything is refused before any guard, read model or store sees it: 404, as for an id
 * that names nothing. Parameters that are not ids (`:year`) are left to their route.
 */
export function checkPathIds(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const params = request.params as Record<string, unknown> | undefined;
  for (const name of Object.keys(params ?? {})) {
    if (!name.endsWith('Id')) continue;
    const value = params![name];
    if (typeof value === 'string' && (ID_PATTERN.test(value) || (EVENT_IDS.has(name) && UUID.test(value)))) continue;
    const shown = JSON.stringify(String(value)).slice(0, 80);
    void reply
      .code(404)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problemOf(404, `No resource has the ${name} ${shown}: ids match ${ID_PATTERN.source}${EVENT_IDS.has(name) ? ' or are UUIDs' : ''}`, { code: 'INVALID-ID' }));
    return;
  }
  done();
}
