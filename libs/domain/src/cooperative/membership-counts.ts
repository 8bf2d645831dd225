import { Category, CooperativeEvent } from './events';
import { associateOf, AssociateState, CooperativeState } from './state';

/**
 * SCIC-CATEGORIES and SCIC-COLLEGES, report side: the active associates counted per category and
 * per collège, kept in step with a fold, so that the report can tell on each date whether either
 * rule is broken without a pass over every associate.
 */
export interface MembershipCounts {
  readonly activeByCategory: Map<Category, number>;
  /** Keyed by collège code, '' for an associate in none. */
  readonly activeByCollege: Map<string, number>;
  /** What each associate is counted as (null: not active), to take it out when it changes. */
  readonly counted: Map<string, { readonly category: Category; readonly college: string } | null>;
}

export function emptyMembershipCounts(): MembershipCounts {
  return { activeByCategory: new Map(), activeByCollege: new Map(), counted: new Map() };
}

/**
 * Keeps `counts` in step with a fold: call it after `evolve(state, event)`. Only the associates an
 * event names can change (its associateId, fromAssociateId, toAssociateId); they are counted again.
 */
export function followMembership(counts: MembershipCounts, state: CooperativeState, event: CooperativeEvent): void {
  const named = event.data as { associateId?: unknown; fromAssociateId?: unknown; toAssociateId?: unknown };
  for (const id of [named.associateId, named.fromAssociateId, named.toAssociateId]) {
    if (associateOf(state, id) !== undefined) recount(counts, associateOf(state, id)!);
  }
}

function recount(counts: MembershipCounts, associate: AssociateState): void {
  const before = counts.counted.get(associate.id);
  const now = associate.status === 'active' ? { category: associate.category, college: associate.collegeCode ?? '' } : null;
  if (before && now && before.category === now.category && before.college === now.college) return;
  if (before) {
    add(counts.activeByCategory, before.category, -1);
    add(counts.activeByCollege, before.college, -1);
  }
  if (now) {
    add(counts.activeByCategory, now.category, 1);
    add(counts.activeByCollege, now.college, 1);
  }
  counts.counted.set(associate.id, now);
}

function add<K>(map: Map<K, number>, key: K, n: number): void {
  const count = (map.get(key) ?? 0) + n;
  if (count === 0) map.delete(key);
  else map.set(key, count);
}
