import type { OpeningBalances } from '../cooperative/state';
import type { LossImputation } from '../cooperative/statuts-surplus';
import { IsoDate } from '../shared/dates';
import { NO_RESERVES } from './allocation-facts';
import type { AllocationFigures, ReserveBalances } from './fiscal-year-events';
import type { FiscalYearState } from './fiscal-year-state';

/** A fiscal year's balances after its allocation (docs/api.md `GET …/reserves`). */
export interface ReserveRow extends ReserveBalances {
  readonly year: number;
  readonly capitalCents: number;
  readonly highestCapitalCents: number;
}

function figuresOf(state: FiscalYearState): (AllocationFigures & { heldOn: IsoDate }) | null {
  const decided = state.allocation ?? state.lossAllocation;
  return decided ? { ...decided.figures, heldOn: decided.heldOn } : null;
}

export function reserveRowOf(year: number, state: FiscalYearState): ReserveRow | null {
  const figures = figuresOf(state);
  if (!figures) return null;
  return { year, ...figures.reservesAfter, capitalCents: figures.capitalCents, highestCapitalCents: figures.highestCapitalCents };
}

/**
 * The balances an allocation of `year` starts from: those the latest earlier allocation left,
 * else the opening balances, else nothing. `earlier` are the fiscal years before it, any order.
 */
export function reservesBeforeYear(opening: OpeningBalances | undefined, earlier: ReadonlyArray<{ year: number; state: FiscalYearState }>): ReserveBalances {
  const allocated = earlier.filter((y) => figuresOf(y.state)).sort((a, b) => b.year - a.year)[0];
  if (allocated) return figuresOf(allocated.state)!.reservesAfter;
  return opening ? { legalReserveCents: opening.legalReserveCents, statutoryReserveCents: opening.statutoryReserveCents, retainedEarningsCents: opening.retainedEarningsCents } : NO_RESERVES;
}

/** The balances known on `date`: the last allocation voted on or before it (by the AG's date), else the opening balances then. */
export function reservesAsOf(opening: OpeningBalances | undefined, years: ReadonlyArray<{ year: number; state: FiscalYearState }>, date: IsoDate): ReserveBalances {
  const voted = years
    .map((y) => ({ year: y.year, figures: figuresOf(y.state) }))
    .filter((y) => y.figures && y.figures.heldOn <= date)
    .sort((a, b) => b.year - a.year)[0];
  if (voted) return voted.figures!.reservesAfter;
  return opening && opening.asOf <= date ? reservesBeforeYear(opening, []) : NO_RESERVES;
}

export interface RedemptionValue {
  readonly shares: number;
  readonly nominalCents: number;
  readonly perShareCents: number;
  readonly amountCents: number;
  readonly lossCents: number;
  readonly method: LossImputation;
}

/**
 * COOP-REDEMPTION-NOMINAL (L1947 art. 18 al. 3): a leaving associate gets back at most the
 * nominal of their paid-up shares less their part of the losses — the report à nouveau débiteur
 * not yet absorbed — as the statuts charge it to the capital:
 * - proRataCapitalAndReserves (SCOP model): the capital bears loss × capital ÷ (capital + statutory
 *   reserves), the legal reserve left out;
 * - reservesFirst: the reserves (legal and statutory) absorb the loss first, the capital the rest;
 * - capitalOnly: the capital bears the whole loss.
 * The capital's part is shared by every share alike; each value is rounded down to the cent.
 */
export function redemptionValueOf(input: { shares: number; nominalCents: number; paidCents: number; shareValueCents: number; capitalCents: number; reserves: ReserveBalances; method: LossImputation }): RedemptionValue {
  const { capitalCents: C, reserves, method } = input;
  const loss = BigInt(Math.max(0, -reserves.retainedEarningsCents));
  const capital = BigInt(C);
  // The capital's part of the loss as an exact fraction num / den, at most the capital itself.
  let num: bigint;
  let den = 1n;
  if (method === 'proRataCapitalAndReserves') {
    num = loss * capital;
    den = capital + BigInt(Math.max(0, reserves.statutoryReserveCents));
    if (den === 0n) den = 1n;
  } else if (method === 'reservesFirst') {
    const absorbed = BigInt(Math.max(0, reserves.legalReserveCents)) + BigInt(Math.max(0, reserves.statutoryReserveCents));
    num = loss > absorbed ? loss - absorbed : 0n;
  } else num = loss;
  if (num > capital * den) num = capital * den;
  // value of x cents of nominal = ⌊x × (capital − part) ÷ capital⌋
  const valueOf = (x: number) => (capital === 0n ? BigInt(x) : (BigInt(x) * (capital * den - num)) / (capital * den));
  const value = Number(valueOf(input.nominalCents));
  return {
    shares: input.shares,
    nominalCents: input.nominalCents,
    perShareCents: Number(valueOf(input.shareValueCents)),
    amountCents: Math.min(input.paidCents, value),
    lossCents: input.nominalCents - value,
    method,
  };
}
