import { hostname } from 'node:os';
import type { LockContext } from './restic-lock.js';

/** The LockContext of this process: now, this host's name, and signal 0 to probe a pid. */
export function localLockContext(): LockContext {
  return { now: new Date(), hostname: hostname(), processExists };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
