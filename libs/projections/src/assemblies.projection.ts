import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { AssemblyEvent, AssemblyState, assemblyView, AssemblyView, ClosedPeriod, evolveAssembly, initialAssemblyState, voterListView, VoterListView } from '@ledger/domain';
import { Projection } from './projection';
import { addEntry, dictionary, ownEntry } from './own-entry';

const ASSEMBLY_STREAM = 'assembly-';

export interface AssemblyLog {
  coopId: string;
  assemblyId: string;
  /** Revision of the stream's last event: the assembly's ETag. */
  revision: number;
  events: AssemblyEvent[];
}

export interface AssembliesState {
  /** coopId → assemblyId → the assembly's stream. */
  coops: Record<string, Record<string, AssemblyLog>>;
  /** coopId → assembly ids in the order they were convened. */
  order: Record<string, string[]>;
}

/**
 * Each assembly's stream kept whole; answers fold it with the domain's own evolve, the same
 * code that decided it. `apply` only pushes, so a 100,000-ballot AG replays linearly.
 */
export const assembliesProjection: Projection<AssembliesState> = {
  name: 'assemblies',
  version: 1,
  init: () => ({ coops: dictionary(), order: dictionary() }),
  apply(state: AssembliesState, event: RecordedEvent): AssembliesState {
    if (!event.streamId.startsWith(ASSEMBLY_STREAM)) return state;
    const id = event.streamId.slice(ASSEMBLY_STREAM.length);
    const dot = id.indexOf('.');
    const coopId = id.slice(0, dot);
    const assemblyId = id.slice(dot + 1);
    const coop = ownEntry(state.coops, coopId) ?? addEntry(state.coops, coopId, dictionary<AssemblyLog>());
    let log = ownEntry(coop, assemblyId);
    if (!log) {
      log = addEntry(coop, assemblyId, { coopId, assemblyId, revision: -1, events: [] });
      (ownEntry(state.order, coopId) ?? addEntry(state.order, coopId, [])).push(assemblyId);
    }
    log.revision = Number(event.revision);
    log.events.push({ type: event.type, data: event.data } as unknown as AssemblyEvent);
    return state;
  },
};

/** Folded states, kept beside (not in) the projection state and extended as events arrive. */
const folds = new WeakMap<AssemblyLog, { state: AssemblyState; folded: number }>();

export function assemblyStateOf(state: AssembliesState, coopId: string, assemblyId: string): { state: AssemblyState; revision: number } | undefined {
  const coop = ownEntry(state.coops, coopId);
  const log = coop && ownEntry(coop, assemblyId);
  if (!log) return undefined;
  let fold = folds.get(log);
  if (!fold) folds.set(log, (fold = { state: initialAssemblyState(), folded: 0 }));
  for (; fold.folded < log.events.length; fold.folded++) evolveAssembly(fold.state, log.events[fold.folded]);
  return { state: fold.state, revision: log.revision };
}

export function assemblyViewOf(state: AssembliesState, coopId: string, assemblyId: string): { view: AssemblyView; revision: number } | undefined {
  const folded = assemblyStateOf(state, coopId, assemblyId);
  return folded && { view: assemblyView(folded.state), revision: folded.revision };
}

/** docs/api.md `GET …/assemblies/:assemblyId/voters`: the voter list with its SCOP-VOTES-65 weights. */
export function assemblyVotersOf(state: AssembliesState, coopId: string, assemblyId: string): { voters: VoterListView; revision: number } | undefined {
  const folded = assemblyStateOf(state, coopId, assemblyId);
  return folded && { voters: voterListView(folded.state), revision: folded.revision };
}

export function listAssemblies(state: AssembliesState, coopId: string): AssemblyView[] {
  return (ownEntry(state.order, coopId) ?? []).map((id) => assemblyViewOf(state, coopId, id)!.view);
}

/**
 * LEDGER-PERIOD-CLOSED: every closed assembly of the cooperative closes the period through its
 * record date (its voter list was relied on). O(assemblies): a closed AG's last event is its closing.
 */
export function closedPeriodsOf(state: AssembliesState, coopId: string): ClosedPeriod[] {
  const periods: ClosedPeriod[] = [];
  for (const log of Object.values(ownEntry(state.coops, coopId) ?? {})) {
    const first = log.events[0];
    if (log.events[log.events.length - 1]?.type !== 'AssemblyClosed' || first?.type !== 'AssemblyConvened') continue;
    periods.push({ through: first.data.recordDate, by: `assembly ${log.assemblyId}` });
  }
  return periods;
}
