import { readFileSync } from 'node:fs';

/** Signals a whole process group (a container's session leader and everything it started). */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** The stop signal (SIGTERM, or the image's STOPSIGNAL), then SIGKILL if `exited` has not resolved within the grace period. */
export async function stopGroup(pid: number, graceMs: number, exited: Promise<unknown>, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  signalGroup(pid, signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
  const done = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (done) signalGroup(pid, 'SIGKILL');
  await exited;
  // children that outlived the leader (still in its process group)
  signalGroup(pid, 'SIGKILL');
}
