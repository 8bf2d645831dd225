import { Decider } from '../decider';
import { cooperativeStreamId } from '../streams/stream-ids';
import { CooperativeCommand } from './commands';
import { decideInHistory } from './decide-in-history';
import { CooperativeEvent } from './events';
import { CooperativeHistory, evolveHistory, initialHistory } from './history';
import { historySnapshots } from './history-snapshot';

/**
 * The cooperative stream (`cooperative-<coopId>`): statuts, associates and every capital
 * movement, because the capital and vote rules span all associates. Created by AdoptStatuts.
 * Its state is the stream's history in effective order (history.ts), so that an act is judged
 * as of its own date and against the acts dated after it (decide-in-history.ts).
 */
export const cooperativeDecider: Decider<CooperativeCommand, CooperativeEvent, CooperativeHistory, string> = {
  kind: 'cooperative',
  streamId: cooperativeStreamId,
  initialState: initialHistory,
  decide: decideInHistory,
  evolve: evolveHistory,
  creates: (command) => command.type === 'AdoptStatuts',
  notFound: (coopId) => `Cooperative ${coopId} not found`,
  // A capital movement's event id is its movementId, so that a cancellation can name the event.
  eventIdOf: (event) => (event.type !== 'CapitalMovementCancelled' && 'movementId' in event.data ? event.data.movementId : undefined),
  // A million events are not folded again at each start: the fold is saved (history-snapshot.ts).
  snapshots: historySnapshots,
};
