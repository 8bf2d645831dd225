import { AssemblyEventOf, AttendanceMode, BallotChoice, BureauMember } from './assembly-events';
import type { FirstCall } from './convocation';

/**
 * Commands on an assembly stream. What the decider cannot know alone comes in the command as
 * data the write path reads from other streams (see convocation.ts): the voter list at the
 * record date from the capital ledger, its hash, the statuts' rules, a second call's first
 * call, and at closing the ledger digest.
 */
export type AssemblyCommand =
  /** Convocation carries what AssemblyConvened records, and a second call its first call's facts. */
  | ({ type: 'ConveneAssembly'; firstCall?: FirstCall | null } & AssemblyEventOf<'AssemblyConvened'>['data'])
  | { type: 'RecordAttendance'; associateId: string; mode: AttendanceMode; proxyHolderId?: string | null }
  | { type: 'OpenAssembly' }
  | { type: 'RecordBureau'; president: Partial<BureauMember>; secretary: Partial<BureauMember>; scrutineers?: Array<Partial<BureauMember>> }
  | { type: 'AdjournAssembly'; reason: string }
  | { type: 'CastBallot'; resolutionId: string; associateId: string; choice: BallotChoice }
  | {
      type: 'RecordShowOfHands';
      resolutionId: string;
      collegeCode?: string | null;
      for: number;
      against: number;
      abstain: number;
      blank?: number;
      /** SCOP only: the part of the hands above raised by non-employee associates (SCOP-VOTES-65). */
      nonEmployee?: { for: number; against: number; abstain: number; blank?: number } | null;
      /** SCOP only, two tiers: the part of `nonEmployee` raised by cooperative societies (SCOP-VOTES-65). */
      cooperativeSociety?: { for: number; against: number; abstain: number; blank?: number } | null;
    }
  | { type: 'CloseResolution'; resolutionId: string }
  /** `position`: the global position of the last event the digest covers (decimal string). */
  | { type: 'CloseAssembly'; ledgerDigest: string; streams: number; position?: string };

export type AssemblyCommandType = AssemblyCommand['type'];
export type AssemblyCommandOf<T extends AssemblyCommandType> = Extract<AssemblyCommand, { type: T }>;
