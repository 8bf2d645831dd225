import { AssemblyView, KindQuorum } from '@ledger/domain/assembly/assembly-view';
import { BureauMember, CollegeResult, ResolutionKind, ResolutionResult } from '@ledger/domain/assembly/assembly-events';
import { fractionDecimal, fractionIsEmpty, fractionText, KIND_NAMES, Lang, legalFormLine, longDate, majorityText, percentBp, resolutionOrdinal } from './minutes-labels';
import { words } from './minutes-words';

/** Who the minutes are about: the cooperative as its statuts name it, with its legal mentions when the ledger holds them. */
export interface MinutesCooperative {
  /** The ledger's id of the cooperative: the verification command names it. */
  coopId?: string;
  name: string;
  legalForm: string;
  companyForm: string;
  siren?: string | null;
  registeredOffice?: string | null;
  rcsCity?: string | null;
}

/**
 * The procès-verbal as plain, unescaped text in one language: what both renderers print, so the
 * Markdown and the HTML cannot drift apart. Escaping belongs to the renderers, never to this model.
 */
export interface MinutesModel {
  lang: Lang;
  draft: boolean;
  /** The legal header: name, form "à capital variable", siège, RCS (a blank to fill when unknown). */
  cooperative: string;
  legalMentions: string[];
  heading: string;
  subheading: string;
  /** The opening paragraph: date, place, who convened whom, how and with what notice. */
  preamble: string[];
  bureau: Array<{ role: string; name: string | null }>;
  agendaTitle: string;
  agenda: string[];
  attendanceTitle: string;
  hasColleges: boolean;
  attendanceHead: { name: string; college: string; mode: string };
  attendees: Array<{ name: string; college: string; mode: string }>;
  attendanceEmpty: string;
  quorumTitle: string;
  quorum: { breakdown: string; lines: Array<{ text: string; met: boolean | null }>; votingRights: string | null };
  adjournment: string | null;
  resolutionsTitle: string;
  counting: string | null;
  tableHead: string[];
  resolutions: ResolutionMinutes[];
  digestTitle: string;
  digest: { lines: string[]; command: string | null; hash: string | null };
  signaturesTitle: string;
  signatures: Array<{ role: string; name: string | null }>;
  signatureLine: string;
  draftNotice: string;
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
  heading: string;
  title: string;
  kind: string;
  text: string;
  /** Not closed yet: no tally. */
  pending: string | null;
  method: string | null;
  rows: CollegeRow[];
  notes: string[];
  outcome: { code: 'adopted' | 'rejected' | 'not_voted'; text: string } | null;
  /** The figures the chart draws; null while not closed, and for a resolution not put to the vote. */
  chart: ResolutionChart | null;
}

export interface ResolutionChart {
  lang: Lang;
  bars: Array<{ label: string; for: number; against: number; abstain: number; blank: number; dropped: boolean }>;
  forBp: number;
  requiredBp: number;
  votesCast: boolean;
  overallLabel: string;
  outcome: string | null;
}

export function minutesModel(view: AssemblyView, cooperative: MinutesCooperative, lang: Lang = 'fr'): MinutesModel {
  const w = words(lang);
  const collegeLabel = collegeLabeller(view, w);
  const nameOf = new Map(view.attendees.map((a) => [a.associateId, a.name]));
  const titleOf = new Map(view.resolutions.map((r, i) => [r.id, resolutionOrdinal(i + 1, lang).toLowerCase()]));
  const kind = KIND_NAMES[view.kind][lang];
  const held = longDate(view.heldOn, lang);
  return {
    lang,
    draft: view.status === 'convened' || view.status === 'open',
    cooperative: cooperative.name,
    legalMentions: legalMentions(cooperative, lang),
    heading: w.heading(kind, held),
    subheading: `${view.call === 1 ? w.firstCall : w.secondCall}${view.reconvenes ? w.reconvening(view.reconvenes) : ''} — « ${view.title} »`,
    preamble: preamble(view, cooperative, w, lang),
    bureau: bureauLines(view.bureau, w),
    agendaTitle: w.agendaTitle,
    agenda: view.resolutions.map((r, i) => `${resolutionOrdinal(i + 1, lang)} (${w.kindOf(r.kind)}) : ${r.title}`),
    attendanceTitle: w.attendanceTitle,
    hasColleges: view.colleges.length > 0,
    attendanceHead: w.attendanceHead,
    attendees: view.attendees.map((a) => ({
      name: a.name,
      college: collegeLabel(a.collegeCode),
      mode: w.mode(a.mode, a.proxyHolderId === null ? null : (nameOf.get(a.proxyHolderId) ?? a.proxyHolderId)) + (a.countsFrom ? w.late(titleOf.get(a.countsFrom) ?? a.countsFrom) : ''),
    })),
    attendanceEmpty: w.attendanceEmpty,
    quorumTitle: w.quorumTitle,
    quorum: quorumLines(view, w, lang),
    adjournment: view.adjournment ? w.adjourned(view.adjournment.reason) : null,
    resolutionsTitle: w.resolutionsTitle,
    counting: view.colleges.length === 0 ? null : view.collegeCounting === 'proportional' ? w.countingProportional : w.countingMajority,
    tableHead: w.tableHead,
    resolutions: view.resolutions.map((r, i) => resolutionMinutes(r, i + 1, view, collegeLabel, w, lang)),
    digestTitle: w.digestTitle,
    digest: digestLines(view, cooperative, w),
    signaturesTitle: w.signaturesTitle,
    signatures: signatureBlock(view.bureau, w),
    signatureLine: w.signatureLine,
    draftNotice: w.draftNotice,
  };
}

type Words = ReturnType<typeof words>;

function legalMentions(c: MinutesCooperative, lang: Lang): string[] {
  const blank = '…………………………………………';
  const fr = lang === 'fr';
  return [
    legalFormLine(c.legalForm, c.companyForm, lang),
    `${fr ? 'Siège social' : 'Registered office'} : ${c.registeredOffice || blank}`,
    `RCS ${c.rcsCity || '…………………'} ${c.siren ? c.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : blank}`,
  ];
}

function preamble(view: AssemblyView, cooperative: MinutesCooperative, w: Words, lang: Lang): string[] {
  const lines = [w.met(longDate(view.heldOn, lang), cooperative.name, KIND_NAMES[view.kind][lang], view.place)];
  lines.push(w.convened(view.convocationMethod, longDate(view.convenedOn, lang), daysBetween(view.convenedOn, view.heldOn), view.noticeDays));
  lines.push(w.voterList(longDate(view.recordDate, lang), view.voters, view.votersHash));
  return lines;
}

function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

function bureauLines(bureau: AssemblyView['bureau'], w: Words): MinutesModel['bureau'] {
  const name = (m: BureauMember | undefined) => (m ? m.name : null);
  const scrutineers = bureau && bureau.scrutineers.length > 0 ? bureau.scrutineers.map((s) => s.name).join(', ') : null;
  return [
    { role: w.president, name: name(bureau?.president) },
    { role: w.secretary, name: name(bureau?.secretary) },
    { role: w.scrutineers, name: bureau ? (scrutineers ?? w.none) : null },
  ];
}

function signatureBlock(bureau: AssemblyView['bureau'], w: Words): MinutesModel['signatures'] {
  const out = [
    { role: w.president, name: bureau?.president.name ?? null },
    { role: w.secretary, name: bureau?.secretary.name ?? null },
  ];
  for (const s of bureau?.scrutineers ?? []) out.push({ role: w.scrutineer, name: s.name });
  if (!bureau) out.push({ role: w.scrutineer, name: null });
  return out;
}

function collegeLabeller(view: AssemblyView, w: Words): (code: string | null) => string {
  const names = new Map(view.colleges.map((c) => [c.code, c.name]));
  // The collège's name as the statuts give it (its code is for machines); the code when it has none.
  return (code) => (code === null ? (view.colleges.length === 0 ? w.allAssociates : '—') : names.get(code) || code);
}

function quorumLines(view: AssemblyView, w: Words, lang: Lang): MinutesModel['quorum'] {
  const a = view.attendance;
  const blankProxies = view.attendees.filter((x) => x.mode === 'proxy' && x.proxyHolderId === null).length;
  const late = view.attendees.filter((x) => x.countsFrom !== undefined).length;
  const breakdown = w.breakdown(a.present, a.remote, a.mail, a.represented, blankProxies, a.total, view.voters, late);
  const weighted = a.votesPresentOrRepresented && a.votesOnList ? w.weightedVotes(fractionText(a.votesPresentOrRepresented), fractionText(a.votesOnList)) : '';
  const kinds: ResolutionKind[] = view.kind === 'extraordinary' ? ['extraordinary'] : view.kind === 'ordinary' ? ['ordinary'] : ['ordinary', 'extraordinary'];
  const lines = kinds.map((kind) => {
    const q: KindQuorum = view.quorum?.[kind] ?? legacyQuorum(view, kind);
    const text = q.attendingBp === null ? w.quorumPending(kind, percentBp(q.requiredBp, lang)) : w.quorumLine(kind, percentBp(q.attendingBp, lang), weighted, percentBp(q.requiredBp, lang), q.met === true);
    return { text, met: q.met };
  });
  return { breakdown, lines, votingRights: votingRightsLine(view, w) };
}

/** A view built without `quorum`: the opening's figures. */
function legacyQuorum(view: AssemblyView, kind: ResolutionKind): KindQuorum {
  const a = view.attendance;
  return { attendingBp: a.quorumBp, requiredBp: a.quorumRequiredBp, met: kind === 'extraordinary' && a.extraordinaryQuorumMet !== undefined ? a.extraordinaryQuorumMet : a.quorumMet };
}

/** SCOP-VOTES-65, once: why the non-cooperators' votes weigh less, with the exact weights. */
function votingRightsLine(view: AssemblyView, w: Words): string | null {
  const list = view.scopVotingRights;
  if (!list || !list.reduced || list.base !== 'register') return null;
  const others = list.outsiders - list.cooperativeSocieties;
  return w.votingRights(
    list.cooperators,
    list.outsiders,
    list.cooperativeSocieties > 0,
    others > 0 ? fractionText(list.outsiderWeight) : null,
    list.cooperativeSocieties > 0 ? fractionText(list.cooperativeSocietyWeight) : null,
  );
}

function resolutionMinutes(r: AssemblyView['resolutions'][number], n: number, view: AssemblyView, collegeLabel: (code: string | null) => string, w: Words, lang: Lang): ResolutionMinutes {
  const base = {
    id: r.id,
    heading: resolutionOrdinal(n, lang),
    title: r.title,
    kind: `${w.kindOf(r.kind)}${r.boardApproved ? w.boardApproved : ''}`,
    // Convened before texts were recorded: the title is all the ledger holds.
    text: r.text ?? r.title,
  };
  if (r.outcome === 'not_voted') {
    const why = r.reason === 'ADJOURNED' ? w.notVotedAdjourned : w.notVotedQuorum(r.kind, view.call === 1);
    return { ...base, pending: null, method: null, rows: [], notes: [], outcome: { code: 'not_voted', text: why }, chart: null };
  }
  if (r.status !== 'closed' || r.result === null || r.outcome === null) {
    return { ...base, pending: r.status === 'open' ? w.pendingOpen : w.pendingNotYet, method: null, rows: [], notes: [], outcome: null, chart: null };
  }
  const res = r.result;
  const outcome = { code: r.outcome, text: r.outcome === 'adopted' ? w.adopted : w.rejected };
  const empty = fractionIsEmpty(res.exact);
  return {
    ...base,
    pending: null,
    method: res.method === 'ballots' ? w.ballots : w.showOfHands,
    rows: res.colleges.map((c) => collegeRow(c, collegeLabel, w, lang)),
    notes: [
      ...resolutionNotes(res, r.boardApproved, collegeLabel, w, lang),
      w.result(percentBp(res.forBp, lang), percentBp(res.requiredBp, lang), majorityText(res.majority, lang)),
      empty ? w.noVoteCast : w.exact(fractionText(res.exact)),
    ],
    outcome,
    chart: {
      lang,
      bars: res.colleges.map((c) => ({ label: collegeLabel(c.code), for: c.for, against: c.against, abstain: c.abstain, blank: c.blank, dropped: c.dropped })),
      forBp: res.forBp,
      requiredBp: res.requiredBp,
      votesCast: !empty,
      overallLabel: res.colleges.some((c) => c.code !== null) ? w.weightedResult : w.resultLabel,
      outcome: outcome.text,
    },
  };
}

function collegeRow(c: CollegeResult, collegeLabel: (code: string | null) => string, w: Words, lang: Lang): CollegeRow {
  return {
    college: collegeLabel(c.code),
    weight: percentBp(c.weightBp, lang),
    effectiveWeight: percentBp(c.effectiveWeightBp, lang),
    for: c.for,
    against: c.against,
    abstain: c.abstain,
    blank: c.blank,
    note: c.dropped ? w.droppedNote : '',
  };
}

function resolutionNotes(res: ResolutionResult, boardApproved: boolean, collegeLabel: (code: string | null) => string, w: Words, lang: Lang): string[] {
  const cast = res.colleges.reduce((n, c) => n + c.for + c.against, 0);
  const counted = res.colleges.reduce((n, c) => n + c.for + c.against + c.abstain + c.blank, 0);
  const notes = [w.votesCast(cast, counted, res.method === 'ballots')];
  if (res.blankProxies > 0) notes.push(w.blankProxies(res.blankProxies, boardApproved));
  // Only when collèges remain to take the weight: with a single collège left there is nothing to rescale against.
  if (res.droppedColleges.length > 0 && res.colleges.length - res.droppedColleges.length > 0) notes.push(w.dropped(res.droppedColleges.map(collegeLabel)));
  if (res.scopReduction?.base === 'register') {
    const s = res.scopReduction;
    notes.push(w.scopRegister(fractionText(s.factor), s.cooperativeSocietyFactor ? fractionText(s.cooperativeSocietyFactor) : null, s.nonEmployeeVotesCast));
  } else if (res.scopReduction) {
    const s = res.scopReduction;
    notes.push(w.scopVotesCast(s.nonEmployeeVotesCast, s.employeeVotesCast, fractionText(s.factor), fractionDecimal(s.factor, lang)));
  }
  return notes;
}

function digestLines(view: AssemblyView, cooperative: MinutesCooperative, w: Words): MinutesModel['digest'] {
  if (view.ledgerDigest === null) return { lines: [view.status === 'adjourned' ? w.digestAdjourned : w.digestPending], command: null, hash: null };
  const position = view.ledgerPosition ?? null;
  const lines = [w.digestTaken(position), w.digestMeaning];
  if (position === null) return { lines: [...lines, w.digestNoPosition], command: null, hash: view.ledgerDigest };
  const command = `curl -s -H "Authorization: Bearer $AUDITOR" "$API/cooperatives/${cooperative.coopId ?? view.coopId}/verification?at=${position}"`;
  return { lines: [...lines, w.digestCheck], command, hash: view.ledgerDigest };
}
