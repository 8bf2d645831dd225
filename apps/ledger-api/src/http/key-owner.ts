import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import type { KeyOwner, PendingKey } from './idempotency.store';

function machineBootId(): string {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown-boot';
  }
}

/** This run of the app: pid on this host since its boot, and a boot id of its own (a pid is reused, this id is not). */
export function thisProcess(): KeyOwner {
  return { host: `${os.hostname()}/${machineBootId()}`, pid: process.pid, bootId: randomUUID() };
}

/**
 * Whether a pending key's owner may still answer it. Past its expiry nobody holds it (the owner
 * renews it while it works, so only a dead or frozen owner lets it lapse). Before: this run holds
 * it only while the request is in flight here; another process on this host holds it while its
 * pid lives (a pid that is now this process's own belonged to a dead one); on another host, until
 * it expires.
 */
export function ownerMayStillAnswer(pending: PendingKey, me: KeyOwner, now: number, inFlightHere: boolean): boolean {
  const owner = pending.owner;
  if (owner === null || pending.expiresAt <= now) return false;
  if (owner.bootId === me.bootId) return inFlightHere;
  if (owner.host !== me.host) return true;
  if (owner.pid === me.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
