import { DomainError } from '../../rules/errors';
import { AssemblyState, own } from '../assembly-state';
import { requireVoter } from './voters.rule';

/**
 * "A proxy may be held only by another associate" (SCOP-PROXY-LIMIT; L1978, assemblies: "un
 * associé ne peut se faire représenter que par un autre associé"), applied to every
 * cooperative: the holder is on the voter list (AG-VOTERS), is not the one represented, and
 * attends in person or remotely — someone represented or voting by mail is not in the room to
 * cast another's ballot. Their attendance is therefore recorded before the proxies they hold.
 */
export function requireProxyHolder(state: AssemblyState, associateId: string, holderId: string): void {
  if (holderId === associateId) throw new DomainError('INVALID_VALUE', `${associateId} cannot hold their own proxy`);
  requireVoter(state, holderId, 'proxy holder');
  const holder = own(state.attendance, holderId);
  if (!holder) {
    throw new DomainError('INVALID_STATE', `proxy holder ${holderId} is not recorded as attending: record their attendance (present or remote) before the proxies they hold`);
  }
  if (holder.mode === 'present' || holder.mode === 'remote') return;
  throw new DomainError(
    'INVALID_STATE',
    holder.mode === 'proxy'
      ? `proxy holder ${holderId} is themselves represented by proxy: a proxy is held by an associate who attends`
      : `proxy holder ${holderId} votes by mail: a proxy is held by an associate who attends in person or remotely`,
  );
}
