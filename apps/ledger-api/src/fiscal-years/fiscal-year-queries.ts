import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  DomainError,
  FiscalYearState,
  allocationFrame,
  allocationProposal,
  associateOf,
  interestRowsAtRate,
  isDecimalRate,
  parseRate,
  redemptionValueOf,
  reserveRowOf,
  reservesAsOf,
  splitWorkerShare,
  surplusTermsOf,
  totalGross,
} from '@ledger/domain';
import { FiscalYearFacts } from '../write/fiscal-year-facts';

/** The fiscal-year views of docs/api.md, computed by the domain's pure functions over the facts the write path loads. */
@Injectable()
export class FiscalYearQueries {
  constructor(private readonly facts: FiscalYearFacts) {}

  async fiscalYear(coopId: string, year: number) {
    const { period } = await this.facts.period(coopId, year);
    const state = await this.facts.fiscalYear(coopId, year);
    const allocation = state?.allocation ?? state?.lossAllocation ?? null;
    return {
      year,
      startsOn: state?.closing?.startsOn ?? period.startsOn,
      endsOn: state?.closing?.endsOn ?? period.endsOn,
      status: state?.status === 'allocated' ? 'allocated' : state?.closing ? 'closed' : 'open',
      closing: state?.closing ?? null,
      employees: state?.employees?.length ?? 0,
      allocation,
    };
  }

  async proposal(coopId: string, year: number, heldOn: string) {
    const closing = (await this.closed(coopId, year)).closing!;
    const proposal = allocationProposal(closing, await this.facts.allocation(coopId, year), heldOn);
    const { draft: _draft, ...answer } = proposal;
    return answer;
  }

  /** The recorded interest once allocated; before, at `rate` (percent) for a preview. */
  async shareInterest(coopId: string, year: number, rate: string | undefined) {
    const state = await this.facts.fiscalYear(coopId, year);
    if (state?.allocation) {
      const a = state.allocation;
      return { rate: a.shareInterestRate, mode: a.shareInterest.mode, rows: a.shareInterest.rows, totalCents: a.shareInterestCents };
    }
    if (rate === undefined || !isDecimalRate(rate) || rate.startsWith('-'))
      throw new BadRequestException({ errors: [{ field: 'rate', message: 'the fiscal year is not allocated yet: give rate (percent, e.g. 3.5) to preview the interest' }] });
    const facts = await this.facts.allocation(coopId, year);
    const rows = interestRowsAtRate(facts.interest, parseRate(rate));
    return { rate, mode: facts.interest.mode, rows, totalCents: totalGross(rows) };
  }

  /** The split of the allocated worker share; before the allocation, of `totalCents` or of the legal minimum. */
  async workerShare(coopId: string, year: number, totalCents: number | undefined) {
    const { history, period } = await this.facts.period(coopId, year);
    const state = await this.facts.fiscalYear(coopId, year);
    const statuts = this.facts.asOf(history, period.endsOn).statuts ?? history.statuts!;
    if (statuts.legalForm !== 'SCOP') throw new DomainError('INVALID_STATE', "the worker share (part travail) is a SCOP's; this cooperative is a SCIC");
    let total = state?.allocation?.workerShareCents ?? totalCents;
    if (total === undefined) {
      if (!state?.closing) throw new DomainError('CONFLICT', `fiscal year ${year} is not closed: give totalCents to preview a split`);
      total = allocationFrame(state.closing, await this.facts.allocation(coopId, year)).minimums.workerShareCents ?? 0;
    }
    const split = splitWorkerShare(total, state?.employees ?? [], surplusTermsOf(statuts).workerShareSplit, period);
    return { totalCents: split.totalCents, rows: split.rows };
  }

  async reserves(coopId: string) {
    const history = await this.facts.history(coopId);
    const years = await this.facts.fiscalYears(coopId, history, 2999);
    return { rows: years.map((y) => reserveRowOf(y.year, y.state)).filter((r) => r !== null) };
  }

  async redemptionValue(coopId: string, associateId: string, asOf: string) {
    const history = await this.facts.history(coopId);
    const state = this.facts.asOf(history, asOf);
    const associate = associateOf(state, associateId);
    if (!associate) throw new NotFoundException(`Associate ${associateId} not found in ${coopId} as of ${asOf}`);
    const statuts = state.statuts ?? history.statuts!;
    const years = await this.facts.fiscalYears(coopId, history, Number(asOf.slice(0, 4)));
    return redemptionValueOf({
      shares: associate.shares,
      nominalCents: associate.subscribedCents,
      paidCents: associate.paidUpCents,
      shareValueCents: statuts.shareValueCents,
      capitalCents: state.totals.capitalCents,
      reserves: reservesAsOf(history.openingBalances, years, asOf),
      method: surplusTermsOf(statuts).lossImputationForRedemption,
    });
  }

  private async closed(coopId: string, year: number): Promise<FiscalYearState> {
    await this.facts.period(coopId, year);
    const state = await this.facts.fiscalYear(coopId, year);
    if (!state?.closing) throw new DomainError('CONFLICT', `fiscal year ${year} is not closed`);
    return state;
  }
}
