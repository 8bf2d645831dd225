import { AssemblyEvent, AssemblyEventOf, Voter } from './assembly-events';

/**
 * Events are facts: nothing stored is ever rewritten. What changed is how they are read.
 *
 * SCOP-VOTES-65, edition 2026-12: voter lists now carry each voter's weight. A list recorded
 * before has none: it is read as 1/1 for everyone, and `weightsRecorded: false` tells the
 * assembly to go on reducing as it was then computed — on the votes cast, at each tally — so an
 * assembly keeps the rules it was convened under, and the outcomes already closed stay those
 * recorded in their `ResolutionClosed` results.
 */
export interface UpcastConvocation {
  data: AssemblyEventOf<'AssemblyConvened'>['data'];
  weightsRecorded: boolean;
}

const ONE = { numerator: '1', denominator: '1' } as const;

export function upcastConvocation(data: AssemblyEventOf<'AssemblyConvened'>['data']): UpcastConvocation {
  const voters = (data.voters ?? []) as Array<Omit<Voter, 'weight'> & { weight?: Voter['weight'] }>;
  const weightsRecorded = voters.every((v) => v.weight !== undefined);
  if (weightsRecorded) return { data, weightsRecorded };
  return { data: { ...data, voters: voters.map((v) => ({ ...v, weight: v.weight ?? { ...ONE } })) }, weightsRecorded };
}

/** The event as the domain reads it today (the stored one is left as it is). */
export function upcastAssemblyEvent(event: AssemblyEvent): AssemblyEvent {
  return event.type === 'AssemblyConvened' ? { type: event.type, data: upcastConvocation(event.data).data } : event;
}
