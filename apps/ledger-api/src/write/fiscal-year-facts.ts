import { Injectable, NotFoundException } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import {
  AllocationFacts,
  CooperativeHistory,
  CooperativeState,
  DEFAULT_TMO,
  FiscalPeriod,
  FiscalYearState,
  ReserveBalances,
  TmoTable,
  cooperativeDecider,
  fiscalPeriodOf,
  fiscalYearDecider,
  foldPrefix,
  insertionIndex,
  interestBasesOf,
  mergeTmo,
  reservesAsOf,
  reservesBeforeYear,
  surplusTermsOf,
  tmoDecider,
} from '@ledger/domain';
import { LedgerCommands } from './stream-command';

/**
 * The facts the fiscal-year commands and views need from other streams — the statuts and capital
 * of the cooperative stream, the other fiscal years' balances, the TMO reference stream — loaded
 * here and handed to the pure domain functions (libs/domain/src/fiscal-year) as data. Nothing
 * here decides anything.
 */
@Injectable()
export class FiscalYearFacts {
  constructor(private readonly commands: LedgerCommands) {}

  async history(coopId: string): Promise<CooperativeHistory> {
    const history = await this.commands.current(cooperativeDecider, coopId);
    if (!history || !history.statuts) throw new NotFoundException(`Cooperative ${coopId} not found`);
    return history;
  }

  /** The cooperative as it stood at the end of `date` (every act effective on or before it). */
  asOf(history: CooperativeHistory, date: string): CooperativeState {
    return foldPrefix(history, insertionIndex(history, date));
  }

  async period(coopId: string, year: number): Promise<{ history: CooperativeHistory; period: FiscalPeriod }> {
    const history = await this.history(coopId);
    return { history, period: fiscalPeriodOf(history, year) };
  }

  fiscalYear(coopId: string, year: number): Promise<FiscalYearState | undefined> {
    return this.commands.current(fiscalYearDecider, { coopId, year });
  }

  /** Every fiscal year of the cooperative that has a stream, from the first the ledger handles to `until`. */
  async fiscalYears(coopId: string, history: CooperativeHistory, until: number): Promise<Array<{ year: number; state: FiscalYearState }>> {
    const first = Number((history.openingBalances?.asOf ?? history.statuts!.registeredOn).slice(0, 4));
    const years: Array<{ year: number; state: FiscalYearState }> = [];
    for (let year = first; year <= until; year++) {
      const state = await this.fiscalYear(coopId, year);
      if (state) years.push({ year, state });
    }
    return years;
  }

  async tmo(): Promise<TmoTable> {
    const loaded = await this.commands.current(tmoDecider, 'tmo');
    return loaded ? mergeTmo(DEFAULT_TMO, loaded) : DEFAULT_TMO;
  }

  /** AllocateSurplus's facts: the statuts in force at the year's end, capital then, reserves before, interest bases, the TMO. */
  async allocation(coopId: string, year: number): Promise<AllocationFacts> {
    const { history, period } = await this.period(coopId, year);
    const atEnd = this.asOf(history, period.endsOn);
    const statuts = atEnd.statuts ?? history.statuts!;
    const terms = surplusTermsOf(statuts);
    const earlier = await this.fiscalYears(coopId, history, year - 1);
    const unallocated = earlier.find((y) => y.state.status === 'closed');
    if (unallocated) throw new DomainError('CONFLICT', `fiscal year ${unallocated.year} is closed but not allocated: its result must be allocated before ${year}'s`);
    return {
      legalForm: statuts.legalForm,
      terms,
      statutoryReserveBp: statuts.statutoryReserveBp,
      period,
      capitalCents: atEnd.totals.capitalCents,
      highestCapitalCents: Math.max(atEnd.highestCapitalCents, history.openingBalances?.highestCapitalCents ?? 0),
      reservesBefore: reservesBeforeYear(history.openingBalances, earlier),
      interest: interestBasesOf(history.timeline, period, terms.shareInterest.mode),
      tmo: await this.tmo(),
    };
  }

  /** RedeemShares: the reserves and report à nouveau known on the redemption's date (COOP-REDEMPTION-NOMINAL after losses). */
  async reservesOn(coopId: string, date: string): Promise<ReserveBalances | undefined> {
    const history = await this.commands.current(cooperativeDecider, coopId);
    if (!history?.statuts || typeof date !== 'string') return undefined;
    const years = await this.fiscalYears(coopId, history, Number(date.slice(0, 4)));
    return reservesAsOf(history.openingBalances, years, date);
  }
}
