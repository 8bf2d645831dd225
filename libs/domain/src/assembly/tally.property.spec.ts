import fc from 'fast-check';
import { College } from '../cooperative/statuts';
import { compareRatios, ratio } from '../shared/fraction';
import { AssemblyCommand } from './assembly-commands';
import { decideAssembly } from './assembly-decide';
import { AssemblyEvent, BallotChoice, VoteCounts } from './assembly-events';
import { evolveAssembly } from './assembly-evolve';
import { initialAssemblyState } from './assembly-state';
import { CollegeVotes, tallyResolution, TallyInput } from './tally';
import { attend, closeResolution, colleges, convene, open, resolution, rulesWith, TWO_THIRDS, vote, MORE_THAN_HALF, MORE_THAN_TWO_THIRDS } from './testing';

/** How the assembly counts: no collèges (SCIC or SCOP), or collèges in either mode. */
type Setting = 'scic' | 'scop' | 'proportional' | 'majority';
const SETTINGS: Setting[] = ['scic', 'scop', 'proportional', 'majority'];
const THREE = colleges({ A: 5000, B: 3000, C: 2000 });
const FOUR = colleges({ A: 4000, B: 3000, C: 2000, D: 1000 });

function rulesOf(setting: Setting, collegeList: College[]) {
  if (setting === 'scic') return rulesWith({ quorum: { ordinary: 0, extraordinary: 0 } });
  if (setting === 'scop') return rulesWith({ legalForm: 'SCOP', quorum: { ordinary: 0, extraordinary: 0 } });
  return rulesWith({ colleges: collegeList, collegeCounting: setting, quorum: { ordinary: 0, extraordinary: 0 } });
}

// --- the whole assembly, through decide and evolve -----------------------------------------------

const attendance = fc.constantFrom('absent', 'present', 'remote', 'mail', 'blank_proxy', 'proxy') as fc.Arbitrary<'absent' | 'present' | 'remote' | 'mail' | 'blank_proxy' | 'proxy'>;
const choice = fc.constantFrom('for', 'against', 'abstain', 'blank', null) as fc.Arbitrary<BallotChoice | null>;
const member = fc.record({ college: fc.integer({ min: 0, max: 3 }), employee: fc.boolean(), attendance, choice });

const meeting = fc
  .record({
    setting: fc.constantFrom(...SETTINGS),
    four: fc.boolean(),
    boardApproved: fc.boolean(),
    members: fc.array(member, { minLength: 1, maxLength: 40 }),
  })
  .chain((m) => {
    const ids = m.members.map((_, i) => `v${i}`);
    return fc.record({ meeting: fc.constant(m), order: fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }) });
  });

/** Plays the meeting with the ballots in `order`; returns the ResolutionClosed event. */
interface Meeting {
  setting: Setting;
  four: boolean;
  boardApproved: boolean;
  members: Array<{ college: number; employee: boolean; attendance: string; choice: BallotChoice | null }>;
}

function closeAfterBallots(m: Meeting, order: string[]): AssemblyEvent {
  const collegeList = m.four ? FOUR : THREE;
  const withColleges = m.setting === 'proportional' || m.setting === 'majority';
  // The chair attends in person and holds the named proxies.
  const voters = [
    { associateId: 'chair', name: 'Chair', collegeCode: withColleges ? collegeList[0].code : null, employee: true },
    ...m.members.map((x, i) => ({ associateId: `v${i}`, name: `V${i}`, collegeCode: withColleges ? collegeList[x.college % collegeList.length].code : null, employee: x.employee })),
  ];
  const state = initialAssemblyState();
  const play = (command: AssemblyCommand, mustPass: boolean) => {
    try {
      for (const e of decideAssembly(command, state)) evolveAssembly(state, e);
    } catch (error) {
      if (mustPass) throw error;
    }
  };
  play(convene({ voters, resolutions: [resolution('r1', 'ordinary', m.boardApproved)], rules: rulesOf(m.setting, collegeList) }), true);
  play(attend('chair'), true);
  m.members.forEach((x, i) => {
    if (x.attendance === 'absent') return;
    if (x.attendance === 'blank_proxy') return play(attend(`v${i}`, 'proxy'), true);
    // A SCOP caps the proxies one holds (SCOP-PROXY-LIMIT): those over the cap stay absent.
    if (x.attendance === 'proxy') return play(attend(`v${i}`, 'proxy', 'chair'), false);
    play(attend(`v${i}`, x.attendance as 'present' | 'remote' | 'mail'), true);
  });
  play(open, true);
  for (const id of order) {
    const x = m.members[Number(id.slice(1))];
    if (x.choice === null) continue;
    // Absent associates and blank proxies cannot vote: refused, as the specs show.
    play(vote('r1', id, x.choice), false);
  }
  const [closed] = decideAssembly(closeResolution('r1'), state);
  return closed;
}

describe('tally properties', () => {
  it('AG-ONE-BALLOT / AG-COLLEGE-TALLY: the outcome and the exact result do not depend on the order of the ballots', () =>
    fc.assert(
      fc.property(meeting, ({ meeting: m, order }) => {
        const ids = m.members.map((_, i) => `v${i}`);
        expect(closeAfterBallots(m, order)).toEqual(closeAfterBallots(m, ids));
        expect(closeAfterBallots(m, [...ids].reverse())).toEqual(closeAfterBallots(m, ids));
      }),
      { numRuns: 150 },
    ));
});

// --- the tally alone -----------------------------------------------------------------------------

/** Counts with a non-employee part: for each choice, employees' and outsiders' votes. */
const split = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 }));
const collegeVotes = fc.record({ for: split, against: split, abstain: split, blank: split, blankProxies: split });

function votesOf(code: string | null, v: { for: number[]; against: number[]; abstain: number[]; blank: number[]; blankProxies: number[] }): CollegeVotes {
  const total = (p: number[]) => p[0] + p[1];
  return {
    code,
    votes: { for: total(v.for), against: total(v.against), abstain: total(v.abstain), blank: total(v.blank) },
    nonEmployeeVotes: { for: v.for[1], against: v.against[1], abstain: v.abstain[1], blank: v.blank[1] },
    blankProxies: total(v.blankProxies),
    nonEmployeeBlankProxies: v.blankProxies[1],
  };
}

const tallyInput: fc.Arbitrary<TallyInput> = fc
  .record({
    setting: fc.constantFrom(...SETTINGS),
    four: fc.boolean(),
    boardApproved: fc.boolean(),
    majority: fc.constantFrom(MORE_THAN_HALF, TWO_THIRDS, MORE_THAN_TWO_THIRDS, { numerator: 3, denominator: 4, strict: false }),
    votes: fc.array(collegeVotes, { minLength: 4, maxLength: 4 }),
  })
  .map(({ setting, four, boardApproved, majority, votes }) => {
    const collegeList = setting === 'proportional' || setting === 'majority' ? (four ? FOUR : THREE) : [];
    const codes: Array<string | null> = collegeList.length === 0 ? [null] : collegeList.map((c) => c.code);
    return {
      method: 'ballots',
      majority,
      legalForm: setting === 'scop' ? 'SCOP' : 'SCIC',
      colleges: collegeList,
      collegeCounting: setting === 'majority' ? 'majority' : 'proportional',
      boardApproved,
      votes: codes.map((code, i) => votesOf(code, votes[i])),
    } satisfies TallyInput;
  });

const exactOf = (input: TallyInput) => {
  const { result } = tallyResolution(input);
  return ratio(BigInt(result.exact.numerator), BigInt(result.exact.denominator));
};

describe('tallyResolution properties', () => {
  it('AG-COLLEGE-TALLY: the weighted result lies within [0, 1], and so do its display figures', () =>
    fc.assert(
      fc.property(tallyInput, (input) => {
        const { result } = tallyResolution(input);
        const exact = exactOf(input);
        expect(exact.numerator >= 0n && exact.numerator <= exact.denominator).toBe(true);
        expect(result.forBp).toBeGreaterThanOrEqual(0);
        expect(result.forBp).toBeLessThanOrEqual(10000);
        const effective = result.colleges.reduce((sum, c) => sum + c.effectiveWeightBp, 0);
        expect(effective).toBeLessThanOrEqual(10000);
      }),
      { numRuns: 500 },
    ));

  it('AG-MAJORITY / AG-COLLEGE-TALLY / SCOP-VOTES-65: one more "for" never turns an adopted resolution into a rejected one, nor lowers the result', () =>
    fc.assert(
      fc.property(tallyInput, fc.nat(), fc.boolean(), (input, at, outsider) => {
        const index = at % input.votes.length;
        const more = input.votes.map((v, i) => {
          if (i !== index) return v;
          const votes: VoteCounts = { ...v.votes, for: v.votes.for + 1 };
          const nonEmployeeVotes: VoteCounts = outsider ? { ...v.nonEmployeeVotes, for: v.nonEmployeeVotes.for + 1 } : v.nonEmployeeVotes;
          return { ...v, votes, nonEmployeeVotes };
        });
        const after = { ...input, votes: more };
        if (tallyResolution(input).outcome === 'adopted') expect(tallyResolution(after).outcome).toBe('adopted');
        expect(compareRatios(exactOf(after), exactOf(input))).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    ));

  it('SCOP-VOTES-65, as computed before edition 2026-12 (assemblies convened before weights were recorded): once reduced, non-employee votes weigh exactly 35 % of the votes cast', () =>
    fc.assert(
      fc.property(tallyInput, (input) => {
        const scop = { ...input, legalForm: 'SCOP' as const, reductionBase: 'votesCast' as const, colleges: [], collegeCounting: 'proportional' as const, votes: [{ ...input.votes[0], code: null }] };
        const { result } = tallyResolution(scop);
        if (!result.scopReduction) return;
        const { factor, nonEmployeeVotesCast: n, employeeVotesCast: e } = result.scopReduction;
        // k × N ÷ (E + k × N) = 35/100  ⇔  100 k N = 35 (E + k N)  with k = p/q.
        const [p, q] = [BigInt(factor.numerator), BigInt(factor.denominator)];
        expect(100n * p * BigInt(n)).toBe(35n * (BigInt(e) * q + p * BigInt(n)));
      }),
      { numRuns: 500 },
    ));
});
