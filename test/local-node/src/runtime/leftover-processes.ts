import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../json-logger.js';
import { isAlive, signalGroup } from './process-groups.js';

/** Stops pod processes a previous local node left running (their pid files are still there), before adopting pods. */
export async function stopLeftoverPodProcesses(pidsDir: string, log: Logger, graceMs = 5_000): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(pidsDir).filter((f) => f.startsWith('pod-') && f.endsWith('.pid'));
  } catch {
    return;
  }
  const pids = files.map((f) => Number(readFileSync(join(pidsDir, f), 'utf8').trim())).filter((pid) => pid > 0 && isAlive(pid));
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) signalGroup(pid, 'SIGKILL');
  for (const f of files) rmSync(join(pidsDir, f), { force: true });
  if (pids.length > 0) log.info('stopped leftover pod processes', { pids });
}
