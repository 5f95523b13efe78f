import type { V1Pod } from '@kubernetes/client-node';
import { readFileSync, readdirSync } from 'node:fs';

/** The host pid of a container the local node runs (its containerID is local://<pid>). */
export function containerPid(pod: V1Pod, container: string): number | undefined {
  const id = pod.status?.containerStatuses?.find((s) => s.name === container)?.containerID;
  const match = /^local:\/\/(\d+)$/.exec(id ?? '');
  return match ? Number(match[1]) : undefined;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** Live processes whose process group is `pgid` (a container's whole tree: the local node starts each in its own). */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return members;
}
