import { associateOf, AssociateState, CooperativeState } from './state';

/**
 * The figures the capital and vote rules compare, taken in one pass over the associates.
 *
 * Who counts:
 * - capital: all outstanding nominal capital, withdrawn associates' shares included — they stay
 *   capital until redeemed (COOP-CAPITAL-FLOOR suspends redemptions, it does not erase shares);
 * - employee capital and votes (SCOP-CAP-51, SCOP-VOTES-65): active associates of category
 *   `employee`. SCOP-CAP-51 (docs/rules.md) also counts former employees who kept associate status on retirement,
 *   redundancy or invalidity: they stay active associates and keep category `employee` (docs/api.md:
 *   "employee is what SCOP counts as employee-associate"). A withdrawn employee is no longer an
 *   associate and no longer counts, although the shares they await repayment for still do;
 * - public capital (SCIC-PUBLIC-CAPITAL-50): category `public_body`, withdrawn ones included,
 *   since a public body holds its shares until they are redeemed;
 * - votes (COOP-ONE-VOTE): one per active associate.
 */
export interface CapitalPicture {
  readonly capitalCents: number;
  readonly employeeCapitalCents: number;
  readonly publicCapitalCents: number;
  readonly votes: number;
  readonly employeeVotes: number;
}

/** The part of an associate the picture reads. */
export type Holder = Pick<AssociateState, 'id' | 'category' | 'status' | 'subscribedCents'>;

/**
 * The picture of the state, or of the state as it would be with `replaced` holders in place of
 * (or in addition to) its own: a decider checks "the state after" without touching the state.
 * The state's own picture is kept by `evolve`; only the replaced holders are counted here.
 */
export function capitalPicture(state: CooperativeState, replaced: readonly Holder[] = []): CapitalPicture {
  const picture = { ...state.picture };
  for (const holder of new Map(replaced.map((h) => [h.id, h])).values()) {
    const own = associateOf(state, holder.id);
    if (own) countHolder(picture, own, -1);
    countHolder(picture, holder, 1);
  }
  return picture;
}

/** Adds a holder's part to the picture (sign 1), or takes it out (sign -1). */
export function countHolder(picture: { -readonly [K in keyof CapitalPicture]: number }, holder: Holder, sign: 1 | -1): void {
  const active = holder.status === 'active';
  const employee = active && holder.category === 'employee';
  const cents = sign * holder.subscribedCents;
  picture.capitalCents += cents;
  if (employee) picture.employeeCapitalCents += cents;
  if (holder.category === 'public_body') picture.publicCapitalCents += cents;
  if (active) picture.votes += sign;
  if (employee) picture.employeeVotes += sign;
}
