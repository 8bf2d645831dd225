import { RuleViolation } from '../../rules/errors';
import { AssemblyState, own } from '../assembly-state';

/** SCOP-PROXY-LIMIT: below 20 associates one proxy each; from 20, one per 20 associates. */
export const SCOP_PROXY_STEP = 20;

/**
 * The most proxies one associate may hold in a SCOP (L1978, assemblies: no associate may hold,
 * besides their own vote, "plus d'une voix si la société comprend moins de vingt associés et
 * un nombre de voix excédant le vingtième des associés lorsqu'elle comprend vingt membres ou
 * plus"). "Associates" are the voters on the list fixed at the record date (AG-VOTERS): the
 * associates with voting rights for this assembly. 19 → 1, 20 → 1, 39 → 1, 40 → 2.
 * Integer division, exact for any count.
 */
export function scopProxyLimit(voters: number): number {
  if (voters < SCOP_PROXY_STEP) return 1;
  return (voters - (voters % SCOP_PROXY_STEP)) / SCOP_PROXY_STEP;
}

/** SCOP-PROXY-LIMIT (SCOP only): one more proxy for `holderId` stays within the limit. */
export function requireProxyWithinLimit(state: AssemblyState, holderId: string): void {
  if (state.convocation?.rules.legalForm !== 'SCOP') return;
  const limit = scopProxyLimit(state.voterCount);
  const held = own(state.proxiesHeld, holderId) ?? 0;
  if (held + 1 <= limit) return;
  throw new RuleViolation(
    'SCOP-PROXY-LIMIT',
    `${holderId} already holds ${held} prox${held === 1 ? 'y' : 'ies'}; with ${state.voterCount} associates on the voter list one associate may hold at most ${limit}` +
      (state.voterCount < SCOP_PROXY_STEP ? ` (fewer than ${SCOP_PROXY_STEP} associates)` : ` (one per ${SCOP_PROXY_STEP} associates, rounded down)`),
  );
}
