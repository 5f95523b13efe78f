/** A lock file in the repository, as `restic cat lock` shows it. */
export interface ResticLock {
  id: string;
  time: string;
  exclusive: boolean;
  hostname: string;
  username: string;
  pid: number;
}

export interface LockContext {
  now: Date;
  /** This machine's host name (os.hostname()). */
  hostname: string;
  processExists(pid: number): boolean;
}

/** restic refreshes live locks every 5 minutes and calls a lock older than this stale. */
export const STALE_LOCK_AGE_MS = 30 * 60 * 1000;

/** Pure: `restic cat lock <id>` stdout (pretty-printed JSON; zero fields omitted). */
export function parseLock(id: string, stdout: string): ResticLock {
  const value = JSON.parse(stdout) as Partial<Omit<ResticLock, 'id'>>;
  return {
    id,
    time: value.time ?? '',
    exclusive: value.exclusive ?? false,
    hostname: value.hostname ?? '',
    username: value.username ?? '',
    pid: value.pid ?? 0,
  };
}

/** Pure: restic's own rule: stale when too old, or held by a process of this host that is gone. */
export function lockIsStale(lock: ResticLock, context: LockContext): boolean {
  const age = context.now.getTime() - Date.parse(lock.time);
  if (age > STALE_LOCK_AGE_MS) return true;
  return lock.hostname === context.hostname && !context.processExists(lock.pid);
}
