import type { FastifyReply } from 'fastify';
import { CommandResult } from '../commands/cooperative-commands';
import { etagOf } from './request-context';

export interface CommandResponse {
  id: string;
  revision: number;
  position: number;
  events: Array<{ eventId: string; type: string }>;
}

/** API.md: every successful command answers { id, revision, position } and an ETag. */
export function commandResponse(reply: FastifyReply, id: string, result: CommandResult): CommandResponse {
  void reply.header('etag', etagOf(result.revision));
  return {
    id,
    revision: Number(result.revision),
    position: Number(result.position),
    events: result.events.map(({ eventId, type }) => ({ eventId, type })),
  };
}
