import { Inject, Injectable } from '@nestjs/common';
import { CooperativeCommand, CooperativeEvent, CooperativeState, cooperativeStreamId, decide, evolve, initialState } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';
import { ProjectionEngine } from '@ledger/projections';
import { RequestContext } from '../http/request-context';
import { EVENT_STORE } from '../infrastructure/tokens';
import { CommandResult, StreamCommands, StreamDecider } from './stream-commands';

export type { CommandResult } from './stream-commands';

const cooperativeDecider: StreamDecider<CooperativeCommand, CooperativeEvent, CooperativeState> = {
  initialState,
  decide,
  evolve,
  creates: (command) => command.type === 'AdoptStatuts',
  notFound: (streamId) => `Cooperative ${streamId.slice('cooperative-'.length)} not found`,
  // A capital movement's event id is its movementId, so a cancellation can name the event.
  eventIdOf: (event) => (event.type !== 'CapitalMovementCancelled' && 'movementId' in event.data ? event.data.movementId : undefined),
};

/** The cooperative stream's commands, on the one generic command path. */
@Injectable()
export class CooperativeCommands {
  private readonly streams: StreamCommands<CooperativeCommand, CooperativeEvent, CooperativeState>;

  constructor(@Inject(EVENT_STORE) store: EventStore, projections: ProjectionEngine) {
    this.streams = new StreamCommands(store, projections, cooperativeDecider);
  }

  execute(coopId: string, command: CooperativeCommand, ctx: RequestContext): Promise<CommandResult> {
    return this.streams.execute(cooperativeStreamId(coopId), coopId, command, ctx);
  }
}
