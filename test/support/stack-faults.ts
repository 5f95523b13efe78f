import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { V1Pod } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { containerPid, processGroupMembers } from './container-process.js';
import { repoRoot } from './stack-env.js';

const run = promisify(execFile);

/** The parts of the stack `./dev restart` can crash and start again. */
export type StackPart = 'apiserver' | 'nats' | 'redis';

/** Crashes one part of the stack (SIGKILL to its process group) and starts it again; resolves once it is back. */
export async function restartStackPart(part: StackPart): Promise<void> {
  await run(join(repoRoot, 'dev'), ['restart', part], { cwd: repoRoot, timeout: 180_000 });
}

/**
 * Kills a container the local node runs, with its whole process tree (the node starts each container
 * in its own process group), as an OOM kill or a node problem would. Returns false when it does not run.
 */
export function killContainer(pod: V1Pod, container: string): boolean {
  const pid = containerPid(pod, container);
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Whether a container the local node runs has a process whose command line matches (e.g. restic backing up). */
export function containerRuns(pod: V1Pod, container: string, command: RegExp): boolean {
  const pid = containerPid(pod, container);
  if (pid === undefined) return false;
  return processGroupMembers(pid).some((member) => {
    try {
      return command.test(readFileSync(`/proc/${member}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      return false;
    }
  });
}
