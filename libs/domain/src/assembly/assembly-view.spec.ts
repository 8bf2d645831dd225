import { assemblyView, voterListView } from './assembly-view';
import { initialAssemblyState } from './assembly-state';
import { attend, ballots, closeAssembly, closeResolution, colleges, convene, domainError, members, open, resolution, rulesWith, stateOf } from './testing';

describe('assemblyView', () => {
  const voters = [...members('a', 2, { college: 'A' }), ...members('b', 2, { college: 'B' }), ...members('c', 1, { college: 'C' })];
  const convened = convene({ kind: 'combined', voters, resolutions: [resolution('r1'), resolution('r2', 'extraordinary', true)], rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 3000 }) }) });

  it('shows a convened assembly: the quorum it needs, nothing met yet', () => {
    const view = assemblyView(stateOf(convened, attend('a1'), attend('b1', 'proxy', 'a1')));
    expect(view).toMatchObject({ id: 'ag1', coopId: 'coop', kind: 'combined', call: 1, status: 'convened', voters: 5, votersHash: 'hash-of-the-voter-list', collegeCounting: 'proportional', ledgerDigest: null });
    expect(view.attendance).toEqual({
      present: 1,
      remote: 0,
      represented: 1,
      mail: 0,
      total: 2,
      quorumBp: null,
      quorumRequiredBp: 2000,
      quorumMet: null,
      blankProxies: 0,
      extraordinaryQuorumMet: null,
      votesPresentOrRepresented: null,
      votesOnList: null,
    });
    expect(view.attendees).toEqual([
      { associateId: 'a1', name: 'Associate a1', collegeCode: 'A', mode: 'present', proxyHolderId: null },
      { associateId: 'b1', name: 'Associate b1', collegeCode: 'B', mode: 'proxy', proxyHolderId: 'a1' },
    ]);
    expect(view.resolutions.map((r) => [r.id, r.kind, r.status, r.outcome, r.result])).toEqual([
      ['r1', 'ordinary', 'pending', null, null],
      ['r2', 'extraordinary', 'pending', null, null],
    ]);
    expect(view.colleges).toEqual([
      { code: 'A', name: 'Collège A', weightBp: 4000 },
      { code: 'B', name: 'Collège B', weightBp: 3000 },
      { code: 'C', name: 'Collège C', weightBp: 3000 },
    ]);
  });

  it('shows a closed assembly: quorum, outcomes, results and the ledger digest', () => {
    // 2 of 5 attend: 40 %, both quorums met. r1: A 1–0 → A alone votes, 1; r2 not voted → rejected.
    const state = stateOf(convened, attend('a1'), attend('b1', 'proxy', 'a1'), open, ballots('r1', { for: ['a1'] }), closeResolution('r1'), closeResolution('r2'), closeAssembly);
    const view = assemblyView(state);
    expect(view.status).toBe('closed');
    expect(view.attendance).toMatchObject({ total: 2, quorumBp: 4000, quorumRequiredBp: 2000, quorumMet: true, extraordinaryQuorumMet: true });
    expect(view.resolutions.map((r) => [r.id, r.status, r.outcome, r.result?.forBp, r.method, r.ballots])).toEqual([
      ['r1', 'closed', 'adopted', 10000, 'ballots', 1],
      ['r2', 'closed', 'rejected', 0, null, 0],
    ]);
    expect(view.ledgerDigest).toBe('digest-of-every-stream-head');
  });

  it('finds nothing on an empty stream (NOT_FOUND)', () => {
    let thrown: unknown;
    try {
      assemblyView(initialAssemblyState());
    } catch (error) {
      thrown = error;
    }
    domainError('NOT_FOUND').check(thrown);
  });

  it('is plain JSON', () => {
    const view = assemblyView(stateOf(convened, attend('a1'), attend('a2'), open));
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('voterListView (GET …/voters) shows each voter with the SCOP-VOTES-65 weight fixed on the list', () => {
    const scop = [...members('e', 5), ...members('o', 4, { employee: false })];
    const list = voterListView(stateOf(convene({ voters: scop, rules: rulesWith({ legalForm: 'SCOP' }) })));
    expect(list.recordDate).toBe('2025-05-20');
    expect(list.voters[0]).toEqual({ associateId: 'e1', name: 'Associate e1', collegeCode: null, cooperator: true, cooperativeSociety: false, weight: { numerator: '1', denominator: '1' } });
    expect(list.voters[8]).toEqual({ associateId: 'o4', name: 'Associate o4', collegeCode: null, cooperator: false, cooperativeSociety: false, weight: { numerator: '35', denominator: '52' } });
  });
});
