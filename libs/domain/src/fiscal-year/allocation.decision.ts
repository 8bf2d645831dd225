import { requireCents } from '../cooperative/guards';
import { interestCapFor } from '../reference/tmo';
import { DomainError, RuleViolation } from '../rules/errors';
import { isDecimalRate, parseRate } from '../shared/decimal-rate';
import { euros } from '../shared/format';
import { compareRatios, Ratio } from '../shared/fraction';
import { IsoDate } from '../shared/dates';
import { AllocationFacts, Closing } from './allocation-facts';
import { FiscalYearCommandOf } from './fiscal-year-commands';
import { CapRate, FiscalYearEvent, ReserveBalances, ShareInterestRow, WorkerShareAmount, WorkerShareEmployee } from './fiscal-year-events';
import { interestRowsAtRate, interestRowsForEnvelope, totalGross } from './share-interest';
import { AllocationFrame, allocationFrame, scicStatutoryMinimum } from './surplus-minimums';
import { splitWorkerShare } from './worker-share';

type Allocate = FiscalYearCommandOf<'AllocateSurplus'>;

export function decideAllocation(cmd: Allocate, closing: Closing, employees: readonly WorkerShareEmployee[], heldOn: IsoDate): FiscalYearEvent[] {
  const facts = cmd.facts;
  if (closing.netResultCents < 0) return [lossAllocated(cmd, closing, heldOn)];
  if (cmd.loss !== undefined) throw new DomainError('INVALID_VALUE', `fiscal year ${cmd.year} closed with a surplus of ${euros(closing.netResultCents)}: allocate it, there is no loss to treat`);
  requireNoRistourne(cmd, facts);
  const frame = allocationFrame(closing, facts);
  requireCents(cmd.legalReserveCents, 'legalReserveCents');
  const legal = cmd.legalReserveCents;
  const retained = cmd.retainedEarningsCents ?? 0;
  requireCents(retained, 'retainedEarningsCents');
  const worker = workerShareOf(cmd, frame, facts, employees);
  const interest = interestOf(cmd, frame, facts, heldOn);
  const interestCents = totalGross(interest.rows);
  // COOP-ALLOCATION-SUM: the statutory reserve (SCOP: fonds de développement) takes what the others leave.
  const statutory = frame.toAllocateCents - legal - worker.cents - interestCents - retained;
  if (statutory < 0) {
    throw new RuleViolation(
      'COOP-ALLOCATION-SUM',
      `the lines given (legal reserve ${euros(legal)}, worker share ${euros(worker.cents)}, interest ${euros(interestCents)}, report à nouveau ${euros(retained)}) exceed the ${euros(frame.toAllocateCents)} to allocate by ${euros(-statutory)}`,
    );
  }
  if (cmd.statutoryReserveCents !== undefined && cmd.statutoryReserveCents !== statutory) {
    throw new RuleViolation(
      'COOP-ALLOCATION-SUM',
      `statutoryReserveCents is ${cmd.statutoryReserveCents} but the parts must sum to ${frame.toAllocateCents} cents: the other lines leave ${statutory} cents for the ${facts.legalForm === 'SCOP' ? 'fonds de développement' : 'statutory reserve'}`,
    );
  }
  requireLegalReserve(legal, frame, facts);
  if (facts.legalForm === 'SCOP') requireScopLines(legal, statutory, worker.cents, interestCents, frame);
  else requireScicLines(legal, statutory, interestCents, retained, frame, facts, closing);
  const reservesAfter: ReserveBalances = {
    legalReserveCents: facts.reservesBefore.legalReserveCents + legal,
    statutoryReserveCents: facts.reservesBefore.statutoryReserveCents + statutory,
    retainedEarningsCents: facts.reservesBefore.retainedEarningsCents + closing.netResultCents - legal - statutory - worker.cents - interestCents,
  };
  return [
    {
      type: 'SurplusAllocated',
      data: {
        year: cmd.year,
        resolution: { assemblyId: cmd.resolution.assemblyId, resolutionId: cmd.resolution.resolutionId },
        heldOn,
        base: frame.base,
        legalReserveCents: legal,
        statutoryReserveCents: statutory,
        workerShareCents: worker.cents,
        shareInterestCents: interestCents,
        retainedEarningsCents: retained,
        shareInterestRate: interest.rate,
        capRate: interest.capRate,
        shareInterest: { mode: facts.interest.mode, rows: interest.rows },
        workerShare: worker.rows,
        figures: { capitalCents: facts.capitalCents, highestCapitalCents: facts.highestCapitalCents, reservesBefore: facts.reservesBefore, reservesAfter },
      },
    },
  ];
}

/** SCIC-NO-RISTOURNE (L1947 art. 19 nonies makes art. 15 inapplicable); a SCOP's equivalent is the worker share. */
function requireNoRistourne(cmd: Allocate, facts: AllocationFacts): void {
  if (cmd.ristourneCents === undefined || cmd.ristourneCents === 0) return;
  if (facts.legalForm === 'SCIC') throw new RuleViolation('SCIC-NO-RISTOURNE', `ristourneCents is ${cmd.ristourneCents}: a SCIC pays no ristourne`);
  throw new DomainError('INVALID_VALUE', 'a SCOP shares its surplus with its workers through the worker share (workerShareCents), not a ristourne');
}

function workerShareOf(cmd: Allocate, frame: AllocationFrame, facts: AllocationFacts, employees: readonly WorkerShareEmployee[]): { cents: number; rows: WorkerShareAmount[] } {
  if (facts.legalForm !== 'SCOP') {
    if (cmd.workerShareCents !== undefined && cmd.workerShareCents !== 0) throw new DomainError('INVALID_VALUE', 'workerShareCents is a SCOP line (the part travail, L1978 art. 33); a SCIC has none');
    return { cents: 0, rows: [] };
  }
  const cents = cmd.workerShareCents ?? frame.minimums.workerShareCents ?? 0;
  requireCents(cents, 'workerShareCents');
  if (cents === 0) return { cents, rows: [] };
  const split = splitWorkerShare(cents, employees, facts.terms.workerShareSplit, facts.period);
  if (split.totalCents !== cents) {
    throw new DomainError('INVALID_STATE', `no employee of the year is eligible to the worker share of ${euros(cents)}: record the year's employees first (POST …/fiscal-years/${cmd.year}/worker-share-inputs)`);
  }
  return { cents, rows: split.rows.filter((r) => r.amountCents > 0).map((r) => ({ employeeId: r.employeeId, name: r.name, ...(r.associateId ? { associateId: r.associateId } : {}), amountCents: r.amountCents })) };
}

interface InterestDecision {
  rows: ShareInterestRow[];
  rate: string | null;
  capRate: CapRate | null;
}

function interestOf(cmd: Allocate, frame: AllocationFrame, facts: AllocationFacts, heldOn: IsoDate): InterestDecision {
  if (cmd.shareInterestRate !== undefined && cmd.shareInterestCents !== undefined) throw new DomainError('INVALID_VALUE', 'give shareInterestRate or shareInterestCents, not both');
  const wanted = cmd.shareInterestRate !== undefined ? 'rate' : cmd.shareInterestCents !== undefined ? 'envelope' : 'none';
  if (wanted === 'rate' && (!isDecimalRate(cmd.shareInterestRate) || cmd.shareInterestRate.startsWith('-'))) {
    throw new DomainError('INVALID_VALUE', `shareInterestRate must be a percentage as a decimal string such as "2.5", not ${String(cmd.shareInterestRate)}`);
  }
  if (wanted === 'envelope') requireCents(cmd.shareInterestCents, 'shareInterestCents');
  const zero = wanted === 'none' || (wanted === 'rate' && parseRate(cmd.shareInterestRate!).numerator === 0n) || (wanted === 'envelope' && cmd.shareInterestCents === 0);
  if (zero) return { rows: [], rate: wanted === 'rate' ? cmd.shareInterestRate! : null, capRate: null };
  if (!facts.terms.shareInterest.allowed) throw new DomainError('INVALID_STATE', 'the statuts allow no interest on shares (surplus.shareInterest.allowed is false)');
  const cap = facts.legalForm === 'SCOP' ? null : interestCapFor(heldOn, facts.tmo);
  let rows: ShareInterestRow[];
  if (wanted === 'rate') {
    const rate = parseRate(cmd.shareInterestRate!);
    if (cap && compareRatios(rate, cap.rate) > 0) {
      throw new RuleViolation('COOP-INTEREST-RATE', `shareInterestRate is ${cmd.shareInterestRate} %, above the cap of ${cap.capRate.rate} % (${capSource(cap.capRate)}) for an AG held on ${heldOn}`);
    }
    rows = interestRowsAtRate(facts.interest, rate);
  } else {
    rows = interestRowsForEnvelope(facts.interest, cmd.shareInterestCents!);
    if (cap) requireEnvelopeWithinRate(cmd.shareInterestCents!, cap.rate, cap.capRate, facts);
  }
  return { rows, rate: wanted === 'rate' ? cmd.shareInterestRate! : null, capRate: cap?.capRate ?? null };
}

function requireEnvelopeWithinRate(envelope: number, cap: Ratio, capRate: CapRate, facts: AllocationFacts): void {
  const most = totalGross(interestRowsAtRate(facts.interest, cap));
  if (envelope <= most) return;
  throw new RuleViolation('COOP-INTEREST-RATE', `shareInterestCents is ${envelope}: at the cap of ${capRate.rate} % (${capSource(capRate)}) the associates' paid-up capital earns at most ${most} cents`);
}

export function capSource(cap: CapRate): string {
  return cap.from === 'tmo' ? `mean TMO of ${cap.years.join(', ')} + 2 points` : `published for AGs of ${cap.years[0]}`;
}

/** COOP-LEGAL-RESERVE (L1947 art. 16) / SCOP-LEGAL-RESERVE (L1978 art. 33 1°, with SCOP-EXCLUDED-GAINS). */
function requireLegalReserve(legal: number, frame: AllocationFrame, facts: AllocationFacts): void {
  const min = frame.minimums.legalReserveCents;
  if (legal >= min) return;
  const scop = facts.legalForm === 'SCOP';
  const ceiling = scop ? `the highest capital reached (${euros(facts.highestCapitalCents)})` : `the capital (${euros(facts.capitalCents)})`;
  throw new RuleViolation(
    scop ? 'SCOP-LEGAL-RESERVE' : 'COOP-LEGAL-RESERVE',
    `legalReserveCents is ${legal}; at least ${min} cents are due: ${frame.legalFromSurplusCents} cents (${facts.terms.legalReserveBp / 100} % of the ${euros(frame.base.distributableCents)} distributable, within the ${euros(frame.legalRoomCents)} left below ${ceiling})${frame.legalFromGainsCents > 0 ? ` and ${frame.legalFromGainsCents} cents of art. 32 gains` : ''}`,
  );
}

function requireScopLines(legal: number, fund: number, worker: number, interest: number, frame: AllocationFrame): void {
  const workerMin = frame.minimums.workerShareCents ?? 0;
  if (worker < workerMin)
    throw new RuleViolation('SCOP-WORKER-SHARE', `workerShareCents is ${worker}; at least ${workerMin} cents (25 % of the ${euros(frame.base.distributableCents)} net surplus, art. 32 gains excluded) go to the workers`);
  const fundMin = frame.minimums.developmentFundCents ?? 0;
  if (fund < fundMin) {
    throw new RuleViolation(
      'SCOP-DEVELOPMENT-FUND',
      `the lines leave ${fund} cents for the fonds de développement; at least ${fundMin} cents are due (art. 32 gains beyond the legal reserve's ceiling ${frame.gainsToFundCents}, the redirected legal reserve ${frame.redirectedCents}, and a share of the net surplus every year)`,
    );
  }
  const reservesFromSurplus = legal + fund - frame.gainsCents;
  if (interest > worker) throw new RuleViolation('SCOP-INTEREST-CAP', `interest on shares of ${interest} cents exceeds the worker share of ${worker} cents`);
  if (interest > reservesFromSurplus) {
    throw new RuleViolation(
      'SCOP-INTEREST-CAP',
      `interest on shares of ${interest} cents exceeds the ${reservesFromSurplus} cents the legal reserve and the fonds de développement receive out of the net surplus (art. 32 gains excluded)`,
    );
  }
}

function requireScicLines(legal: number, statutory: number, interest: number, retained: number, frame: AllocationFrame, facts: AllocationFacts, closing: Closing): void {
  const distributable = frame.base.distributableCents;
  const statutoryMin = scicStatutoryMinimum(distributable, legal, frame.legalRateCents, facts);
  if (statutory < statutoryMin) {
    throw new RuleViolation(
      'SCIC-STATUTORY-RESERVE',
      `the lines leave ${statutory} cents for the statutory reserve; at least ${statutoryMin} cents are due (${facts.statutoryReserveBp / 100} % of what the legal reserve leaves${frame.redirectedCents > 0 ? ', with the redirected 15 %' : ''})`,
    );
  }
  if (interest > frame.interestAmountCapCents) {
    throw new RuleViolation(
      'SCIC-SUBSIDIES',
      `interest on shares of ${interest} cents exceeds ${frame.interestAmountCapCents} cents: what the minimum reserves leave of the ${euros(distributable)} distributable, less the year's subsidies of ${euros(closing.subsidiesCents)}`,
    );
  }
  const impartible = statutoryMin + Math.min(closing.subsidiesCents, Math.max(0, distributable - legal - statutoryMin - interest));
  if (statutory < impartible) {
    throw new RuleViolation(
      'SCIC-SUBSIDIES',
      `the statutory reserve of ${statutory} cents must also take the subsidies' equivalent: at least ${impartible} cents; the report à nouveau of ${retained} cents leaves too little`,
    );
  }
}

function lossAllocated(cmd: Allocate, closing: Closing, heldOn: IsoDate): FiscalYearEvent {
  const facts = cmd.facts;
  const given = ['legalReserveCents', 'workerShareCents', 'shareInterestRate', 'shareInterestCents', 'statutoryReserveCents', 'retainedEarningsCents', 'ristourneCents'].filter(
    (k) => (cmd as unknown as Record<string, unknown>)[k] !== undefined,
  );
  if (given.length > 0)
    throw new DomainError('INVALID_VALUE', `fiscal year ${cmd.year} closed with a loss of ${euros(-closing.netResultCents)}: there is no surplus to allocate (${given.join(', ')}); give only resolution and loss`);
  if (cmd.loss !== 'retainedEarnings' && cmd.loss !== 'statutoryReserve') throw new DomainError('INVALID_VALUE', `a loss year needs loss: "retainedEarnings" or "statutoryReserve", not ${String(cmd.loss)}`);
  const lossCents = -closing.netResultCents;
  const before = facts.reservesBefore;
  const fromReserve = cmd.loss === 'statutoryReserve' ? Math.min(lossCents, Math.max(0, before.statutoryReserveCents)) : 0;
  const carried = lossCents - fromReserve;
  return {
    type: 'LossAllocated',
    data: {
      year: cmd.year,
      resolution: { assemblyId: cmd.resolution.assemblyId, resolutionId: cmd.resolution.resolutionId },
      heldOn,
      lossCents,
      loss: cmd.loss,
      statutoryReserveCents: fromReserve,
      retainedEarningsCents: carried,
      figures: {
        capitalCents: facts.capitalCents,
        highestCapitalCents: facts.highestCapitalCents,
        reservesBefore: before,
        reservesAfter: { legalReserveCents: before.legalReserveCents, statutoryReserveCents: before.statutoryReserveCents - fromReserve, retainedEarningsCents: before.retainedEarningsCents - carried },
      },
    },
  };
}
