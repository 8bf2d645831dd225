import { AssemblyView } from '@ledger/domain/assembly/assembly-view';

/**
 * Hand-built views for the minutes specs, their figures worked out by hand.
 *
 * SCIC, four collèges A 30 %, B 30 %, C 20 %, D 20 %; nobody from D attended, so D drops out
 * and A, B, C weigh 3/8, 3/8, 1/4. Emma is represented by Alice; Gaëlle gave a blank proxy.
 * - r1 (extraordinary, board-approved, ≥ 2/3): A 2–0, B 2–1, C 1–0 (+1 abstention; the blank
 *   proxy counts for) ⇒ 3/8·1 + 3/8·2/3 + 1/4·1 = 7/8 — adopted.
 * - r2 (ordinary, not board-approved, > 1/2, show of hands): A 1–1, B 1–2, C 0–1 (+1 blank;
 *   the blank proxy counts against) ⇒ 3/8·1/2 + 3/8·1/3 + 0 = 5/16 — rejected.
 */
export const SCIC_COOP = { name: 'Les Tilleuls', legalForm: 'SCIC', companyForm: 'SAS' };

export const LEDGER_DIGEST = '9f2c5a0e7b1d4c3f8a6e2b0d1c9f7e5a3b8d6c4e2f0a1b9c7d5e3f1a2b4c6d8e';
const VOTERS_HASH = '3b7e1d9a5c2f8e4b6a0d1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a';

export function scicView(): AssemblyView {
  return {
    id: 'ag-2025',
    coopId: 'tilleuls',
    kind: 'combined',
    title: 'Assemblée générale annuelle 2025',
    call: 1,
    status: 'closed',
    convenedOn: '2025-05-20',
    heldOn: '2025-06-14',
    recordDate: '2025-05-20',
    reconvenes: null,
    place: 'Salle du conseil, 3 place des Tilleuls, 69003 Lyon',
    convocationMethod: 'letter',
    noticeDays: 15,
    bureau: null,
    adjournment: null,
    voters: 12,
    votersHash: VOTERS_HASH,
    attendance: { present: 3, remote: 1, represented: 2, mail: 1, total: 7, quorumBp: 5833, quorumRequiredBp: 2000, quorumMet: true, extraordinaryQuorumMet: true },
    quorum: { ordinary: { attendingBp: 5833, requiredBp: 2000, met: true }, extraordinary: { attendingBp: 5833, requiredBp: 2500, met: true } },
    attendees: [
      { associateId: 'alice', name: 'Alice Martin', collegeCode: 'A', mode: 'present', proxyHolderId: null },
      { associateId: 'bruno', name: 'Bruno Petit', collegeCode: 'A', mode: 'remote', proxyHolderId: null },
      { associateId: 'claire', name: 'Claire Dubois', collegeCode: 'B', mode: 'present', proxyHolderId: null },
      { associateId: 'dupont', name: 'Dupont | Fils', collegeCode: 'B', mode: 'mail', proxyHolderId: null },
      { associateId: 'emma', name: 'Emma Leroy', collegeCode: 'B', mode: 'proxy', proxyHolderId: 'alice' },
      { associateId: 'farid', name: 'Farid Benali', collegeCode: 'C', mode: 'present', proxyHolderId: null },
      { associateId: 'gaelle', name: 'Gaëlle Roux', collegeCode: 'C', mode: 'proxy', proxyHolderId: null },
    ],
    resolutions: [
      {
        id: 'r1',
        title: 'Amend article 14 of the statuts (collège weights)',
        text: 'The assembly resolves: Amend article 14 of the statuts (collège weights).',
        kind: 'extraordinary',
        boardApproved: true,
        status: 'closed',
        outcome: 'adopted',
        result: {
          method: 'ballots',
          forBp: 8750,
          requiredBp: 6667,
          majority: { numerator: 2, denominator: 3, strict: false },
          exact: { numerator: '21', denominator: '24' },
          colleges: [
            { code: 'A', weightBp: 3000, effectiveWeightBp: 3750, for: 2, against: 0, abstain: 0, blank: 0, dropped: false },
            { code: 'B', weightBp: 3000, effectiveWeightBp: 3750, for: 2, against: 1, abstain: 0, blank: 0, dropped: false },
            { code: 'C', weightBp: 2000, effectiveWeightBp: 2500, for: 1, against: 0, abstain: 1, blank: 0, dropped: false },
            { code: 'D', weightBp: 2000, effectiveWeightBp: 0, for: 0, against: 0, abstain: 0, blank: 0, dropped: true },
          ],
          droppedColleges: ['D'],
          blankProxies: 1,
          scopReduction: null,
        },
      },
      {
        id: 'r2',
        title: 'Sell the delivery van',
        text: 'The assembly resolves: Sell the delivery van.',
        kind: 'ordinary',
        boardApproved: false,
        status: 'closed',
        outcome: 'rejected',
        result: {
          method: 'show_of_hands',
          forBp: 3125,
          requiredBp: 5000,
          majority: { numerator: 1, denominator: 2, strict: true },
          exact: { numerator: '5', denominator: '16' },
          colleges: [
            { code: 'A', weightBp: 3000, effectiveWeightBp: 3750, for: 1, against: 1, abstain: 0, blank: 0, dropped: false },
            { code: 'B', weightBp: 3000, effectiveWeightBp: 3750, for: 1, against: 2, abstain: 0, blank: 0, dropped: false },
            { code: 'C', weightBp: 2000, effectiveWeightBp: 2500, for: 0, against: 1, abstain: 0, blank: 1, dropped: false },
            { code: 'D', weightBp: 2000, effectiveWeightBp: 0, for: 0, against: 0, abstain: 0, blank: 0, dropped: true },
          ],
          droppedColleges: ['D'],
          blankProxies: 1,
          scopReduction: null,
        },
      },
    ],
    colleges: [
      { code: 'A', name: 'Salariés', weightBp: 3000 },
      { code: 'B', name: 'Usagers', weightBp: 3000 },
      { code: 'C', name: 'Bénévoles', weightBp: 2000 },
      { code: 'D', name: 'Collectivités', weightBp: 2000 },
    ],
    collegeCounting: 'proportional',
    ledgerDigest: LEDGER_DIGEST,
    ledgerPosition: '128',
  };
}

/** The same AG still open: r1 closed, r2 not yet put to the vote, no digest. */
export function openScicView(): AssemblyView {
  const view = scicView();
  return {
    ...view,
    status: 'open',
    ledgerDigest: null,
    ledgerPosition: null,
    resolutions: [view.resolutions[0], { ...view.resolutions[1], status: 'pending', outcome: null, result: null }],
  };
}

/**
 * SCOP SARL, no collèges, second call. Employees cast 4 for, 1 against; non-employees 3 for:
 * 3 of 8 votes cast exceed 35 %, so they are scaled by f with 3f / (5 + 3f) = 35/100, f = 35/39;
 * for = 4 + 105/39 = 261/39 over 300/39 cast ⇒ 261/300 = 87/100 ≥ 3/4 — adopted.
 */
export const SCOP_COOP = { name: 'Atelier Bois', legalForm: 'SCOP', companyForm: 'SARL' };

export function scopView(): AssemblyView {
  return {
    id: 'age-2025-2',
    coopId: 'atelier-bois',
    kind: 'extraordinary',
    title: 'Transformation en SA',
    call: 2,
    status: 'closed',
    convenedOn: '2025-03-01',
    heldOn: '2025-03-20',
    recordDate: '2025-03-01',
    reconvenes: 'age-2025-1',
    place: 'Salle du conseil, 3 place des Tilleuls, 69003 Lyon',
    convocationMethod: 'letter',
    noticeDays: 15,
    bureau: null,
    adjournment: null,
    voters: 10,
    votersHash: VOTERS_HASH,
    attendance: { present: 6, remote: 0, represented: 1, mail: 1, total: 8, quorumBp: 8000, quorumRequiredBp: 5000, quorumMet: true },
    quorum: { extraordinary: { attendingBp: 8000, requiredBp: 5000, met: true } },
    attendees: [
      { associateId: 'jeanne', name: 'Jeanne Morel', collegeCode: null, mode: 'present', proxyHolderId: null },
      { associateId: 'karim', name: 'Karim Haddad', collegeCode: null, mode: 'present', proxyHolderId: null },
      { associateId: 'lea', name: 'Léa Fontaine', collegeCode: null, mode: 'present', proxyHolderId: null },
      { associateId: 'marc', name: 'Marc Girard', collegeCode: null, mode: 'mail', proxyHolderId: null },
      { associateId: 'nina', name: 'Nina Perrin', collegeCode: null, mode: 'proxy', proxyHolderId: 'jeanne' },
      { associateId: 'olivier', name: 'Olivier Blanc', collegeCode: null, mode: 'present', proxyHolderId: null },
      { associateId: 'paul', name: 'Paul Lambert', collegeCode: null, mode: 'present', proxyHolderId: null },
      { associateId: 'quentin', name: 'Quentin Faure', collegeCode: null, mode: 'present', proxyHolderId: null },
    ],
    resolutions: [
      {
        id: 'e1',
        title: 'Transform the SCOP SARL into a SCOP SA',
        text: 'The assembly resolves: Transform the SCOP SARL into a SCOP SA.',
        kind: 'extraordinary',
        boardApproved: true,
        status: 'closed',
        outcome: 'adopted',
        result: {
          method: 'ballots',
          forBp: 8700,
          requiredBp: 7500,
          majority: { numerator: 3, denominator: 4, strict: false },
          exact: { numerator: '261', denominator: '300' },
          colleges: [{ code: null, weightBp: 10000, effectiveWeightBp: 10000, for: 7, against: 1, abstain: 0, blank: 0, dropped: false }],
          droppedColleges: [],
          blankProxies: 0,
          scopReduction: { factor: { numerator: '35', denominator: '39' }, nonEmployeeVotesCast: 3, employeeVotesCast: 5 },
        },
      },
    ],
    colleges: [],
    collegeCounting: 'proportional',
    ledgerDigest: LEDGER_DIGEST,
    ledgerPosition: '128',
  };
}

/**
 * SCOP-VOTES-65 on the register (edition 2026-12): 5 cooperators and 4 outsiders on the list,
 * each outsider weighs 35/52. 3 cooperators vote 1–2, the 4 outsiders for: 48/74 = 24/37, adopted.
 */
export function scopRegisterView(): AssemblyView {
  const base = scopView();
  return {
    ...base,
    id: 'ago-2026',
    kind: 'ordinary',
    title: 'Approbation des comptes 2025',
    call: 1,
    reconvenes: null,
    place: 'Salle du conseil, 3 place des Tilleuls, 69003 Lyon',
    convocationMethod: 'letter',
    noticeDays: 15,
    bureau: null,
    adjournment: null,
    voters: 9,
    attendance: {
      present: 7,
      remote: 0,
      represented: 0,
      mail: 0,
      total: 7,
      quorumBp: 6900,
      quorumRequiredBp: 2000,
      quorumMet: true,
      votesPresentOrRepresented: { numerator: '74', denominator: '13' },
      votesOnList: { numerator: '100', denominator: '13' },
    },
    quorum: { ordinary: { attendingBp: 6900, requiredBp: 2000, met: true } },
    scopVotingRights: {
      cooperators: 5,
      outsiders: 4,
      cooperativeSocieties: 0,
      outsiderWeight: { numerator: '35', denominator: '52' },
      cooperativeSocietyWeight: { numerator: '1', denominator: '1' },
      reduced: true,
      base: 'register',
    },
    attendees: base.attendees.slice(0, 7).map((a) => ({ ...a, mode: 'present', proxyHolderId: null })),
    resolutions: [
      {
        id: 'r1',
        title: 'Approve the accounts of 2025',
        text: 'The assembly resolves: Approve the accounts of 2025.',
        kind: 'ordinary',
        boardApproved: true,
        status: 'closed',
        outcome: 'adopted',
        result: {
          method: 'ballots',
          forBp: 6486,
          requiredBp: 5000,
          majority: { numerator: 1, denominator: 2, strict: true },
          exact: { numerator: '24', denominator: '37' },
          colleges: [{ code: null, weightBp: 10000, effectiveWeightBp: 10000, for: 5, against: 2, abstain: 0, blank: 0, dropped: false }],
          droppedColleges: [],
          blankProxies: 0,
          scopReduction: { factor: { numerator: '35', denominator: '52' }, nonEmployeeVotesCast: 4, employeeVotesCast: 3, base: 'register', cooperatorsOnList: 5, outsidersOnList: 4, cooperativeSocietyFactor: null },
          votesCast: 7,
          quorumMet: true,
        },
      },
      {
        id: 'r2',
        title: 'Allocate the surplus of 2025',
        text: 'The assembly resolves: Allocate the surplus of 2025.',
        kind: 'ordinary',
        boardApproved: true,
        status: 'closed',
        outcome: 'adopted',
        result: {
          method: 'ballots',
          forBp: 10000,
          requiredBp: 5000,
          majority: { numerator: 1, denominator: 2, strict: true },
          exact: { numerator: '1', denominator: '1' },
          colleges: [{ code: null, weightBp: 10000, effectiveWeightBp: 10000, for: 7, against: 0, abstain: 0, blank: 0, dropped: false }],
          droppedColleges: [],
          blankProxies: 0,
          scopReduction: { factor: { numerator: '35', denominator: '52' }, nonEmployeeVotesCast: 4, employeeVotesCast: 3, base: 'register', cooperatorsOnList: 5, outsidersOnList: 4, cooperativeSocietyFactor: null },
          votesCast: 7,
          quorumMet: true,
        },
      },
    ],
  };
}
