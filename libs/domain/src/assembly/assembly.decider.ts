import { Decider } from '../decider';
import { assemblyStreamId } from '../streams/stream-ids';
import { AssemblyCommand } from './assembly-commands';
import { decideAssembly } from './assembly-decide';
import { AssemblyEvent } from './assembly-events';
import { evolveAssembly } from './assembly-evolve';
import { AssemblyState, initialAssemblyState } from './assembly-state';

export interface AssemblyKey {
  coopId: string;
  assemblyId: string;
}

/**
 * An assembly stream (`assembly-<coopId>.<assemblyId>`): convocation, attendance, ballots,
 * outcomes and closing; an AG is decided on its own. Created by ConveneAssembly.
 */
export const assemblyDecider: Decider<AssemblyCommand, AssemblyEvent, AssemblyState, AssemblyKey> = {
  kind: 'assembly',
  streamId: ({ coopId, assemblyId }) => assemblyStreamId(coopId, assemblyId),
  initialState: initialAssemblyState,
  decide: decideAssembly,
  evolve: evolveAssembly,
  creates: (command) => command.type === 'ConveneAssembly',
  notFound: ({ assemblyId }) => `Assembly ${assemblyId} not found`,
};
