import { AssemblyEventType } from './assembly-events';

/*
 * `satisfies Record<…, true>` makes the compiler refuse a list that misses a type of the
 * AssemblyEvent union or names one it does not have: docs/events.md is checked against this
 * list (test/docs.spec.ts), so the catalogue cannot forget an event.
 */
const TYPES = {
  AssemblyConvened: true,
  AttendanceRecorded: true,
  BureauRecorded: true,
  AssemblyAdjourned: true,
  AssemblyOpened: true,
  BallotCast: true,
  ShowOfHandsRecorded: true,
  ResolutionClosed: true,
  AssemblyClosed: true,
} as const satisfies Record<AssemblyEventType, true>;

/** Every event type of the `assembly-<coopId>.<assemblyId>` stream. */
export const ASSEMBLY_EVENT_TYPES: readonly AssemblyEventType[] = Object.keys(TYPES) as AssemblyEventType[];
