import { evolveAssembly } from './assembly-evolve';
import { initialAssemblyState } from './assembly-state';
import { attend, ballots, colleges, convene, eventsOf, hands, members, open, rulesWith, stateOf } from './testing';

describe('evolveAssembly', () => {
  const voters = [...members('a', 3, { college: 'A' }), ...members('b', 2, { college: 'B', employee: false }), ...members('c', 1, { college: 'C' })];
  const convened = convene({ voters, rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 3000 }) }) });

  it('keeps running tallies per resolution per collège, with the non-employee part', () => {
    const state = stateOf(convened, attend('a1'), attend('a2'), attend('a3', 'proxy', 'a1'), attend('b1'), attend('b2', 'mail'), open, ballots('r1', { for: ['a1', 'a3', 'b1'], against: ['a2'], blank: ['b2'] }));
    const r1 = state.resolutions.r1;
    expect(r1.ballotCount).toBe(5);
    expect(r1.method).toBe('ballots');
    expect(r1.tallies).toEqual({
      A: { votes: { for: 2, against: 1, abstain: 0, blank: 0 }, nonEmployee: { for: 0, against: 0, abstain: 0, blank: 0 }, byWeight: { '1/1': { for: 2, against: 1, abstain: 0, blank: 0 } }, hands: false },
      B: { votes: { for: 1, against: 0, abstain: 0, blank: 1 }, nonEmployee: { for: 1, against: 0, abstain: 0, blank: 1 }, byWeight: { '1/1': { for: 1, against: 0, abstain: 0, blank: 1 } }, hands: false },
      C: { votes: { for: 0, against: 0, abstain: 0, blank: 0 }, nonEmployee: { for: 0, against: 0, abstain: 0, blank: 0 }, byWeight: {}, hands: false },
    });
    expect(r1.ballots).toEqual({ a1: 'for', a3: 'for', b1: 'for', a2: 'against', b2: 'blank' });
  });

  it('counts attendance, proxies held, hand voters and blank proxies per collège', () => {
    const state = stateOf(convened, attend('a1'), attend('a2', 'remote'), attend('a3', 'proxy', 'a1'), attend('b1', 'mail'), attend('b2', 'proxy'));
    expect(state.attendanceCounts).toEqual({ present: 1, remote: 1, mail: 1, represented: 2, blankProxies: 1 });
    expect(state.proxiesHeld).toEqual({ a1: 1 });
    const none = { cooperativeSociety: 0, byWeight: {} };
    expect(state.handVoters).toEqual({
      A: { all: 3, nonEmployee: 0, cooperativeSociety: 0, byWeight: { '1/1': 3 } },
      B: { all: 1, nonEmployee: 1, cooperativeSociety: 0, byWeight: { '1/1': 1 } },
      C: { all: 0, nonEmployee: 0, ...none },
    });
    expect(state.blankProxies).toEqual({ A: { all: 0, nonEmployee: 0, ...none }, B: { all: 1, nonEmployee: 1, cooperativeSociety: 0, byWeight: { '1/1': 1 } }, C: { all: 0, nonEmployee: 0, ...none } });
    expect(state.attendingByWeight).toEqual({ '1/1': 5 });
    expect(state.attendanceOrder).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
  });

  it('adds a show of hands to the collège it counts', () => {
    const state = stateOf(convened, attend('a1'), attend('a2'), attend('b1'), open, hands('r1', { for: 1, against: 1 }, 'A'), {
      type: 'ShowOfHandsRecorded',
      data: { resolutionId: 'r1', collegeCode: 'B', for: 0, against: 1, abstain: 0, blank: 0, nonEmployee: { for: 0, against: 1, abstain: 0, blank: 0 } },
    });
    expect(state.resolutions.r1.method).toBe('show_of_hands');
    expect(state.resolutions.r1.handsRecorded).toBe(2);
    expect(state.resolutions.r1.tallies.B).toMatchObject({ votes: { for: 0, against: 1, abstain: 0, blank: 0 }, nonEmployee: { for: 0, against: 1, abstain: 0, blank: 0 }, hands: true });
    expect(state.resolutions.r1.tallies.B.byWeight['1/1']).toEqual({ for: 0, against: 1, abstain: 0, blank: 0 });
  });

  describe('SCOP-VOTES-65: the weights on the voter list', () => {
    // 5 cooperators and 4 outsiders: each outsider weighs 35/52 (scop-vote-weights.ts).
    const scopVoters = [...members('e', 5), ...members('o', 4, { employee: false })];
    const scopConvened = convene({ voters: scopVoters, rules: rulesWith({ legalForm: 'SCOP' }) });

    it('keeps the list by weight, the attendees by weight and the ballots by weight', () => {
      const state = stateOf(scopConvened, attend('e1'), attend('o1'), attend('o2', 'proxy'), open, ballots('r1', { for: ['e1', 'o1'] }));
      expect(state.weightsRecorded).toBe(true);
      expect(state.listByWeight).toEqual({ '1/1': 5, '35/52': 4 });
      expect(state.attendingByWeight).toEqual({ '1/1': 1, '35/52': 2 });
      expect(state.scopList).toEqual({ cooperators: 5, outsiders: 4, cooperativeSocieties: 0, outsiderWeight: { numerator: '35', denominator: '52' }, cooperativeSocietyWeight: { numerator: '1', denominator: '1' } });
      expect(state.resolutions.r1.tallies[''].byWeight).toEqual({ '1/1': { for: 1, against: 0, abstain: 0, blank: 0 }, '35/52': { for: 1, against: 0, abstain: 0, blank: 0 } });
    });

    it('reads a list recorded before weights existed as 1/1 for everyone (upcast), without touching the stored event', () => {
      const [event] = eventsOf(scopConvened);
      const stored = JSON.parse(JSON.stringify({ ...event, data: { ...(event.data as object), voters: scopVoters.map(({ weight: _weight, ...v }) => v) } }));
      const before = JSON.stringify(stored);
      const state = stateOf(stored);
      expect(state.weightsRecorded).toBe(false);
      expect(Object.values(state.voters).map((v) => v.weight)).toEqual(Array(9).fill({ numerator: '1', denominator: '1' }));
      expect(state.listByWeight).toEqual({ '1/1': 9 });
      expect(JSON.stringify(stored)).toBe(before);
    });
  });

  it('moves the resolutions from pending to open when the assembly opens', () => {
    expect(stateOf(convened).resolutions.r1.status).toBe('pending');
    expect(stateOf(convened, attend('a1'), attend('a2'), open).resolutions.r1.status).toBe('open');
  });

  it('never throws, even on events it cannot place', () => {
    const state = initialAssemblyState();
    expect(() => evolveAssembly(state, { type: 'BallotCast', data: { resolutionId: 'nope', associateId: 'x', choice: 'for', castBy: 'x' } })).not.toThrow();
    expect(() => evolveAssembly(state, { type: 'ResolutionClosed', data: { resolutionId: 'nope', outcome: 'rejected', result: null as never } })).not.toThrow();
  });

  it('folds the same events into the same state, however often', () => {
    const events = eventsOf(convened, attend('a1'), attend('a2'), open, ballots('r1', { for: ['a1'] }));
    const once = initialAssemblyState();
    for (const e of events) evolveAssembly(once, e);
    expect(JSON.parse(JSON.stringify(once))).toEqual(stateOf(events));
  });
});
