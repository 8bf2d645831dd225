import { AssociateState, CooperativeState } from './state';

/**
 * The figures the capital and vote rules compare, taken in one pass over the associates.
 *
 * Who counts:
 * - capital: all outstanding nominal capital, withdrawn associates' shares included — they stay
 *   capital until redeemed (COOP-CAPITAL-FLOOR suspends redemptions, it does not erase shares);
 * - employee capital and votes (SCOP-CAP-51, SCOP-VOTES-65): active associates of category
 *   `employee`. RULES.md also counts former employees who kept associate status on retirement,
 *   redundancy or invalidity: they stay active associates and keep category `employee` (API.md:
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
 */
export function capitalPicture(state: CooperativeState, replaced: readonly Holder[] = []): CapitalPicture {
  const replacements = new Map(replaced.map((h) => [h.id, h]));
  const picture = { capitalCents: 0, employeeCapitalCents: 0, publicCapitalCents: 0, votes: 0, employeeVotes: 0 };
  const count = (h: Holder) => {
    const active = h.status === 'active';
    const employee = active && h.category === 'employee';
    picture.capitalCents += h.subscribedCents;
    if (employee) picture.employeeCapitalCents += h.subscribedCents;
    if (h.category === 'public_body') picture.publicCapitalCents += h.subscribedCents;
    if (active) picture.votes += 1;
    if (employee) picture.employeeVotes += 1;
  };
  for (const id of state.associateOrder) {
    count(replacements.get(id) ?? state.associates[id]);
    replacements.delete(id);
  }
  replacements.forEach(count);
  return picture;
}
