import { assertNever } from '../rules/errors';
import { AssemblyEvent, AssemblyEventOf, BallotChoice, VoteCounts } from './assembly-events';
import { AssemblyState, collegeKey, collegeKeys, CollegeTally, emptyHeadcount, emptyTally, Headcount, own, ResolutionState, ScopList, weightKey, zeroCounts } from './assembly-state';
import { upcastConvocation } from './assembly-upcast';

/**
 * Folds one event into the assembly, in place, and returns it. Never throws and never
 * validates: events are facts the decider already accepted. Each event costs O(1) (O(collèges)
 * for the convocation's tallies), so 100,000 ballots fold in linear time.
 */
export function evolveAssembly(state: AssemblyState, event: AssemblyEvent): AssemblyState {
  switch (event.type) {
    case 'AssemblyConvened':
      return convened(state, event.data);
    case 'AttendanceRecorded':
      return attended(state, event.data);
    case 'AssemblyOpened':
      state.status = 'open';
      state.opening = event.data;
      for (const id of state.resolutionOrder) state.resolutions[id].status = 'open';
      return state;
    case 'BallotCast':
      return ballotCast(state, event.data);
    case 'ShowOfHandsRecorded':
      return handsRecorded(state, event.data);
    case 'ResolutionClosed': {
      const resolution = own(state.resolutions, event.data.resolutionId);
      if (!resolution) return state;
      resolution.status = 'closed';
      resolution.outcome = event.data.outcome;
      resolution.result = event.data.result;
      resolution.reason = event.data.reason ?? null;
      return state;
    }
    case 'BureauRecorded':
      state.bureau = event.data;
      return state;
    case 'AssemblyAdjourned':
      state.status = 'adjourned';
      state.adjournment = { reason: event.data.reason };
      for (const id of event.data.notVoted) {
        const resolution = own(state.resolutions, id);
        if (!resolution) continue;
        resolution.status = 'closed';
        resolution.outcome = 'not_voted';
        resolution.reason = 'ADJOURNED';
      }
      return state;
    case 'AssemblyClosed':
      state.status = 'closed';
      state.closing = { ledgerDigest: event.data.ledgerDigest, streams: event.data.streams, position: event.data.position ?? null };
      return state;
    default:
      return assertNever(event);
  }
}

export function evolveAssemblyAll(state: AssemblyState, events: Iterable<AssemblyEvent>): AssemblyState {
  for (const e of events) evolveAssembly(state, e);
  return state;
}

function convened(state: AssemblyState, recorded: AssemblyEventOf<'AssemblyConvened'>['data']): AssemblyState {
  // Read through the upcaster: a list recorded before weights existed weighs 1/1 (nothing is rewritten).
  const { data, weightsRecorded } = upcastConvocation(recorded);
  state.status = 'convened';
  state.convocation = data;
  state.weightsRecorded = weightsRecorded;
  for (const voter of data.voters) {
    state.voters[voter.associateId] = voter;
    const key = weightKey(voter.weight);
    state.listByWeight[key] = (own(state.listByWeight, key) ?? 0) + 1;
  }
  state.voterCount = data.voters.length;
  state.scopList = data.rules.legalForm === 'SCOP' ? scopListOf(data.voters) : null;
  const keys = collegeKeys(data);
  for (const key of keys) {
    state.handVoters[key] = emptyHeadcount();
    state.blankProxies[key] = emptyHeadcount();
  }
  for (const spec of data.resolutions) {
    const tallies: Record<string, CollegeTally> = {};
    for (const key of keys) tallies[key] = emptyTally();
    state.resolutions[spec.id] = { spec, status: 'pending', method: null, ballots: {}, ballotCount: 0, tallies, handsRecorded: 0, outcome: null, result: null, reason: null };
    state.resolutionOrder.push(spec.id);
  }
  return state;
}

/** SCOP-VOTES-65: who is on the list, and the weights it fixed (one per kind of outsider). */
function scopListOf(voters: AssemblyEventOf<'AssemblyConvened'>['data']['voters']): ScopList {
  const list: ScopList = { cooperators: 0, outsiders: 0, cooperativeSocieties: 0, outsiderWeight: { numerator: '1', denominator: '1' }, cooperativeSocietyWeight: { numerator: '1', denominator: '1' } };
  for (const v of voters) {
    if (v.employee) list.cooperators += 1;
    else if (v.cooperativeSociety === true) {
      if (list.cooperativeSocieties === 0) list.cooperativeSocietyWeight = v.weight;
      list.outsiders += 1;
      list.cooperativeSocieties += 1;
    } else {
      if (list.outsiders === list.cooperativeSocieties) list.outsiderWeight = v.weight;
      list.outsiders += 1;
    }
  }
  return list;
}

function attended(state: AssemblyState, data: AssemblyEventOf<'AttendanceRecorded'>['data']): AssemblyState {
  const { associateId, mode, proxyHolderId } = data;
  state.attendance[associateId] = data.countsFrom === undefined ? { associateId, mode, proxyHolderId } : { associateId, mode, proxyHolderId, countsFrom: data.countsFrom };
  state.attendanceOrder.push(associateId);
  const counts = state.attendanceCounts;
  if (mode === 'present') counts.present += 1;
  else if (mode === 'remote') counts.remote += 1;
  else if (mode === 'mail') counts.mail += 1;
  else counts.represented += 1;
  const voter = own(state.voters, associateId);
  const key = collegeKey(voter?.collegeCode);
  const blank = mode === 'proxy' && proxyHolderId === null;
  if (blank) counts.blankProxies += 1;
  if (proxyHolderId !== null) state.proxiesHeld[proxyHolderId] = (own(state.proxiesHeld, proxyHolderId) ?? 0) + 1;
  const weight = weightKey(voter?.weight);
  state.attendingByWeight[weight] = (own(state.attendingByWeight, weight) ?? 0) + 1;
  addHead(blank ? state.blankProxies : state.handVoters, key, voter?.employee === false, voter?.cooperativeSociety === true, weight);
  return state;
}

function addHead(byCollege: Record<string, Headcount>, key: string, nonEmployee: boolean, cooperativeSociety: boolean, weight: string): void {
  const head = own(byCollege, key) ?? (byCollege[key] = emptyHeadcount());
  head.all += 1;
  if (nonEmployee) head.nonEmployee += 1;
  if (nonEmployee && cooperativeSociety) head.cooperativeSociety += 1;
  head.byWeight[weight] = (own(head.byWeight, weight) ?? 0) + 1;
}

function ballotCast(state: AssemblyState, data: AssemblyEventOf<'BallotCast'>['data']): AssemblyState {
  const resolution = own(state.resolutions, data.resolutionId);
  if (!resolution) return state;
  const voter = own(state.voters, data.associateId);
  resolution.method = 'ballots';
  resolution.ballots[data.associateId] = data.choice;
  resolution.ballotCount += 1;
  const tally = tallyOf(resolution, collegeKey(voter?.collegeCode));
  add(tally.votes, data.choice);
  // SCOP-VOTES-65 needs the non-employee part; a SCIC keeps it too, it costs nothing and says who voted.
  if (voter?.employee === false) add(tally.nonEmployee, data.choice);
  add(countsOfWeight(tally, weightKey(voter?.weight)), data.choice);
  return state;
}

function handsRecorded(state: AssemblyState, data: AssemblyEventOf<'ShowOfHandsRecorded'>['data']): AssemblyState {
  const resolution = own(state.resolutions, data.resolutionId);
  if (!resolution) return state;
  resolution.method = 'show_of_hands';
  resolution.handsRecorded += 1;
  const tally = tallyOf(resolution, collegeKey(data.collegeCode));
  tally.hands = true;
  addCounts(tally.votes, data);
  if (data.nonEmployee) addCounts(tally.nonEmployee, data.nonEmployee);
  // SCOP-VOTES-65: each part of the hands weighs what its voters weigh on the list.
  const nonEmployee = data.nonEmployee ?? zeroCounts();
  const societies = data.cooperativeSociety ?? zeroCounts();
  const list = state.scopList;
  addCounts(countsOfWeight(tally, '1/1'), minus(data, nonEmployee));
  addCounts(countsOfWeight(tally, weightKey(list?.outsiderWeight)), minus(nonEmployee, societies));
  addCounts(countsOfWeight(tally, weightKey(list?.cooperativeSocietyWeight)), societies);
  return state;
}

function tallyOf(resolution: ResolutionState, key: string): CollegeTally {
  return own(resolution.tallies, key) ?? (resolution.tallies[key] = emptyTally());
}

function countsOfWeight(tally: CollegeTally, weight: string): VoteCounts {
  return own(tally.byWeight, weight) ?? (tally.byWeight[weight] = zeroCounts());
}

function minus(a: VoteCounts, b: VoteCounts): VoteCounts {
  return { for: a.for - b.for, against: a.against - b.against, abstain: a.abstain - b.abstain, blank: (a.blank ?? 0) - (b.blank ?? 0) };
}

function add(counts: VoteCounts, choice: BallotChoice): void {
  counts[choice] += 1;
}

function addCounts(counts: VoteCounts, more: VoteCounts): void {
  counts.for += more.for;
  counts.against += more.against;
  counts.abstain += more.abstain;
  counts.blank += more.blank ?? 0;
}
