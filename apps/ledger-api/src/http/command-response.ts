import type { FastifyReply } from 'fastify';
import { CommandResult } from '../write/stream-writer';
import { strongEtag } from './etag';

export interface CommandResponse {
  id: string;
  revision: number;
  position: number;
  events: Array<{ eventId: string; type: string }>;
}

/**
 * docs/api.md: every successful command answers `{ id, revision, position }` with the stream
 * revision as its ETag, and `Location`: where the resource it created or changed is read.
 */
export function created(reply: FastifyReply, location: string, id: string, result: CommandResult): CommandResponse {
  void reply.header('etag', strongEtag(result.revision)).header('location', location);
  return {
    id,
    revision: Number(result.revision),
    position: Number(result.position),
    events: result.events.map(({ eventId, type }) => ({ eventId, type })),
  };
}
