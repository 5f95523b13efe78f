import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Pure: user + system CPU seconds of a /proc/<pid>/stat line (its own threads, not its children). */
export function parseProcStatCpu(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export async function cpuSeconds(pid: number): Promise<number> {
  return parseProcStatCpu(await readFile(`/proc/${pid}/stat`, 'utf8'));
}
