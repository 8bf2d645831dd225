import { AssemblyView } from '@ledger/domain/assembly/assembly-view';
import { CollegeResult, ResolutionResult } from '@ledger/domain/assembly/assembly-events';
import {
  CALL_LABELS,
  DIGEST_SENTENCE,
  fractionDecimal,
  fractionIsEmpty,
  fractionText,
  KIND_LABELS,
  majorityText,
  METHOD_LABELS,
  OUTCOME_LABELS,
  percentBp,
} from './minutes-labels';

/** Who the minutes are about: the cooperative as its statuts name it. */
export interface MinutesCooperative {
  name: string;
  legalForm: string;
  companyForm: string;
}

/**
 * The minutes as plain, unescaped text: what both renderers print, so the Markdown and the
 * HTML cannot drift apart. Escaping belongs to the renderers, never to this model.
 */
export interface MinutesModel {
  draft: boolean;
  cooperative: string;
  form: string;
  kind: { fr: string; en: string };
  call: string;
  heldOn: string;
  title: string;
  assemblyId: string;
  facts: Array<{ label: string; value: string; code?: string }>;
  hasColleges: boolean;
  attendees: Array<{ name: string; college: string; mode: string }>;
  /** votingRights: SCOP-VOTES-65, explained once for the whole assembly (null when no vote is reduced). */
  quorum: { breakdown: string; result: string; votingRights?: string | null };
  counting: string | null;
  resolutions: ResolutionMinutes[];
  digest: string | null;
  digestSentence: string;
}

export interface CollegeRow {
  college: string;
  weight: string;
  effectiveWeight: string;
  for: number;
  against: number;
  abstain: number;
  blank: number;
  note: string;
}

export interface ResolutionMinutes {
  id: string;
  title: string;
  kind: string;
  status: string;
  method: string | null;
  rows: CollegeRow[];
  notes: string[];
  result: string | null;
  exact: string | null;
  outcome: { en: string; fr: string } | null;
  /** The figures the chart draws; null while the resolution is not closed. */
  chart: ResolutionChart | null;
}

export interface ResolutionChart {
  bars: Array<{ label: string; for: number; against: number; abstain: number; blank: number; dropped: boolean }>;
  forBp: number;
  requiredBp: number;
  votesCast: boolean;
  /** The overall bar's caption: the weighted result with collèges, else the result as counted. */
  overallLabel: string;
  outcome: { en: string; fr: string } | null;
}

const MODE_LABELS = { present: 'present', remote: 'remote', mail: 'by mail' } as const;
export const DROPPED_NOTE = 'dropped: no vote cast';

export function minutesModel(view: AssemblyView, cooperative: MinutesCooperative): MinutesModel {
  const collegeLabel = collegeLabeller(view);
  const nameOf = new Map(view.attendees.map((a) => [a.associateId, a.name]));
  const call = CALL_LABELS[view.call];
  const reconvening = view.reconvenes ? `, reconvening assembly ${view.reconvenes}, whose quorum was not met` : '';
  return {
    draft: view.status !== 'closed',
    cooperative: cooperative.name,
    form: `${cooperative.legalForm} ${cooperative.companyForm}`,
    kind: KIND_LABELS[view.kind],
    call,
    heldOn: view.heldOn,
    title: view.title,
    assemblyId: view.id,
    facts: [
      { label: 'Held on', value: view.heldOn },
      { label: 'Call', value: call + reconvening },
      { label: 'Convened on', value: view.convenedOn },
      { label: 'Record date', value: `${view.recordDate} — the voter list is fixed on this date (AG-VOTERS)` },
      { label: 'Voter list', value: `${view.voters} voters; hash of the list (sha256):`, code: view.votersHash },
    ],
    hasColleges: view.colleges.length > 0,
    attendees: view.attendees.map((a) => ({
      name: a.name,
      college: collegeLabel(a.collegeCode),
      mode:
        a.mode !== 'proxy'
          ? MODE_LABELS[a.mode]
          : a.proxyHolderId === null
            ? 'blank proxy'
            : `represented by ${nameOf.get(a.proxyHolderId) ?? a.proxyHolderId}`,
    })),
    quorum: quorumLines(view),
    counting:
      view.colleges.length === 0
        ? null
        : view.collegeCounting === 'proportional'
          ? 'Collèges counted proportionally: each collège’s share of votes for is computed inside it, then weighted (AG-COLLEGE-TALLY).'
          : 'Collèges counted by majority: each collège’s whole weight goes to the side with more votes inside it (AG-COLLEGE-TALLY).',
    resolutions: view.resolutions.map((r) => resolutionMinutes(r, collegeLabel)),
    digest: view.ledgerDigest,
    digestSentence: DIGEST_SENTENCE,
  };
}

function collegeLabeller(view: AssemblyView): (code: string | null) => string {
  const names = new Map(view.colleges.map((c) => [c.code, c.name]));
  return (code) => {
    if (code === null) return view.colleges.length === 0 ? 'all associates' : '—';
    const name = names.get(code);
    return name && name !== code ? `${code} — ${name}` : code;
  };
}

function quorumLines(view: AssemblyView): MinutesModel['quorum'] {
  const a = view.attendance;
  const blankProxies = view.attendees.filter((x) => x.mode === 'proxy' && x.proxyHolderId === null).length;
  const represented = blankProxies > 0 ? `${a.represented} (of which ${blankProxies} by blank proxy)` : `${a.represented}`;
  const breakdown = `Present ${a.present} · remote ${a.remote} · by mail ${a.mail} · represented ${represented} — total ${a.total} of ${view.voters} voters`;
  const required = percentBp(a.quorumRequiredBp);
  const votes = a.votesPresentOrRepresented && a.votesOnList ? `, counted in votes as the voter list weighs them — ${fractionText(a.votesPresentOrRepresented)} of ${fractionText(a.votesOnList)} (L1978 art. 14)` : ', counted in associates';
  const result =
    a.quorumBp === null
      ? `Quorum: not yet established (the assembly has not opened), required ${required}`
      : `Quorum: ${percentBp(a.quorumBp)} of the voters${votes}, required ${required} — ${a.quorumMet ? 'met' : 'not met'}`;
  return { breakdown, result, votingRights: votingRightsLine(view) };
}

/** SCOP-VOTES-65, once: why the non-cooperators' votes weigh less, with the exact weights. */
function votingRightsLine(view: AssemblyView): string | null {
  const list = view.scopVotingRights;
  if (!list || !list.reduced || list.base !== 'register') return null;
  const others = list.outsiders - list.cooperativeSocieties;
  const weights = [
    others > 0 ? `each non-cooperator's vote weighs ${fractionText(list.outsiderWeight)}` : null,
    list.cooperativeSocieties > 0 ? `each cooperative society's vote weighs ${fractionText(list.cooperativeSocietyWeight)}` : null,
  ].filter((x): x is string => x !== null);
  const cap = list.cooperativeSocieties > 0 ? '49 % (the non-cooperatives among them 35 %)' : '35 %';
  return (
    `Voting rights (SCOP-VOTES-65): the voter list holds ${list.cooperators} cooperators and ${list.outsiders} non-cooperators; non-cooperators may hold at most ${cap} of the voting rights on the list, ` +
    `so each of their votes is reduced in the same proportion — ${weights.join('; ')} — and every tally and the quorum use these weights, whoever attends.`
  );
}

const STATUS_LABELS = { pending: 'pending — not yet put to the vote', open: 'open — voting in progress', closed: 'closed' } as const;

function resolutionMinutes(r: AssemblyView['resolutions'][number], collegeLabel: (code: string | null) => string): ResolutionMinutes {
  const kind = `${r.kind}${r.boardApproved ? ', approved by the board' : ''}`;
  const base = { id: r.id, title: r.title, kind, status: STATUS_LABELS[r.status] };
  if (r.status !== 'closed' || r.result === null) {
    return { ...base, method: null, rows: [], notes: [], result: null, exact: null, outcome: null, chart: null };
  }
  const res = r.result;
  const outcome = r.outcome ? OUTCOME_LABELS[r.outcome] : null;
  const empty = fractionIsEmpty(res.exact);
  return {
    ...base,
    method: METHOD_LABELS[res.method],
    rows: res.colleges.map((c) => collegeRow(c, collegeLabel)),
    notes: resolutionNotes(res, r.boardApproved, collegeLabel),
    result: `Result: ${percentBp(res.forBp)} for, required ${percentBp(res.requiredBp)} (${majorityText(res.majority)})`,
    exact: empty
      ? 'No vote was cast: the share for is undefined.'
      : `Percentages are rounded for display (for: down, required: up); the outcome was decided exactly on the share for = ${fractionText(res.exact)}.`,
    outcome,
    chart: {
      bars: res.colleges.map((c) => ({ label: collegeLabel(c.code), for: c.for, against: c.against, abstain: c.abstain, blank: c.blank, dropped: c.dropped })),
      forBp: res.forBp,
      requiredBp: res.requiredBp,
      votesCast: !empty,
      overallLabel: res.colleges.some((c) => c.code !== null) ? 'Weighted result' : 'Result',
      outcome,
    },
  };
}

function collegeRow(c: CollegeResult, collegeLabel: (code: string | null) => string): CollegeRow {
  return {
    college: collegeLabel(c.code),
    weight: percentBp(c.weightBp),
    effectiveWeight: percentBp(c.effectiveWeightBp),
    for: c.for,
    against: c.against,
    abstain: c.abstain,
    blank: c.blank,
    note: c.dropped ? DROPPED_NOTE : '',
  };
}

function resolutionNotes(res: ResolutionResult, boardApproved: boolean, collegeLabel: (code: string | null) => string): string[] {
  const cast = res.colleges.reduce((n, c) => n + c.for + c.against, 0);
  const ballots = res.colleges.reduce((n, c) => n + c.for + c.against + c.abstain + c.blank, 0);
  const counted = res.method === 'ballots' ? 'ballots' : 'counted by show of hands';
  const notes = [`Votes cast: ${cast} of ${ballots} ${counted} — abstentions and blank ballots are not votes cast`];
  notes.push(
    res.blankProxies === 0
      ? 'Blank proxies: none'
      : `Blank proxies: ${res.blankProxies}, counted ${boardApproved ? 'for, as the board approved this resolution' : 'against, as the board did not approve this resolution'} (AG-BLANK-PROXY)`,
  );
  if (res.droppedColleges.length > 0) {
    const which = res.droppedColleges.map(collegeLabel).join(', ');
    const subject = res.droppedColleges.length === 1 ? 'Collège' : 'Collèges';
    notes.push(`${subject} ${which} cast no vote and dropped out; the other collèges’ weights were scaled pro rata (AG-COLLEGE-TALLY)`);
  }
  if (res.scopReduction?.base === 'register') {
    const s = res.scopReduction;
    const society = s.cooperativeSocietyFactor ? `, a cooperative society's ${fractionText(s.cooperativeSocietyFactor)}` : '';
    notes.push(`SCOP-VOTES-65: each non-cooperator's vote weighed ${fractionText(s.factor)}${society} (voting rights, under Quorum); ${s.nonEmployeeVotesCast} of the votes cast were non-cooperators'`);
  } else if (res.scopReduction) {
    const s = res.scopReduction;
    const decimal = fractionDecimal(s.factor);
    notes.push(
      `SCOP-VOTES-65 applied: non-employee votes (${s.nonEmployeeVotesCast} cast, against ${s.employeeVotesCast} employee votes) ` +
        `exceeded 35 % of the votes cast and were reduced pro rata by the factor ${fractionText(s.factor)}${decimal ? ` (≈ ${decimal})` : ''}`,
    );
  }
  return notes;
}
