import { requireAdoptedResolution, resolutionRecordOf } from './adopted-resolution';
import { AssemblyState } from './assembly-state';
import { ballots, closeAssembly, closeResolution, convene, domainError, members, open, resolution, sitting, stateOf, attend } from './testing';

describe('requireAdoptedResolution on the record of an assembly (statuts amendments)', () => {
  const voters = members('a', 4);
  const agenda = [resolution('ord'), resolution('ext', 'extraordinary'), resolution('lost', 'extraordinary')];
  const meeting = [sitting({ kind: 'combined', voters, resolutions: agenda }), ballots('ord', { for: ['a1', 'a2'] }), ballots('ext', { for: ['a1', 'a2', 'a3'] }), ballots('lost', { against: ['a1'] })];
  const closed = stateOf(meeting, closeResolution('ord'), closeResolution('ext'), closeResolution('lost'), closeAssembly);

  const refusal = (state: AssemblyState | undefined, coopId: string, resolutionId: string): string => {
    try {
      requireAdoptedResolution(resolutionRecordOf(state, resolutionId), coopId, { assemblyId: 'ag1', resolutionId }, 'extraordinary');
    } catch (error) {
      domainError('INVALID_STATE').check(error);
      return (error as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('passes for an extraordinary resolution adopted by a closed assembly of the cooperative', () =>
    expect(requireAdoptedResolution(resolutionRecordOf(closed, 'ext'), 'coop', { assemblyId: 'ag1', resolutionId: 'ext' }, 'extraordinary')).toEqual({
      coopId: 'coop',
      assemblyId: 'ag1',
      assemblyStatus: 'closed',
      heldOn: '2025-06-14',
      resolutionId: 'ext',
      kind: 'extraordinary',
      outcome: 'adopted',
    }));

  it('refuses, saying why, every other case (INVALID_STATE)', () => {
    expect(refusal(undefined, 'coop', 'ext')).toContain('does not exist');
    expect(refusal(closed, 'other', 'ext')).toContain('of cooperative coop, not of other');
    expect(refusal(stateOf(meeting), 'coop', 'ext')).toContain('still open');
    expect(refusal(stateOf(convene({ voters })), 'coop', 'r1')).toContain('not held yet');
    expect(refusal(closed, 'coop', 'nope')).toContain('has no resolution nope');
    expect(refusal(closed, 'coop', 'ord')).toContain('is ordinary; only an extraordinary resolution');
    expect(refusal(closed, 'coop', 'lost')).toContain('was rejected');
  });

  it('refuses an extraordinary resolution the assembly could not vote for want of quorum', () => {
    // 1 of 5 attend = 20 %: the ordinary quorum (20 %) is met, the extraordinary one (25 %) is not.
    const five = members('a', 5);
    const state = stateOf(convene({ kind: 'combined', voters: five, resolutions: [resolution('ext', 'extraordinary', true)] }), attend('a1'), open, closeResolution('ext'), closeAssembly);
    expect(refusal(state, 'coop', 'ext')).toContain('was rejected');
  });
});
