import { readFile } from 'node:fs/promises';

/** A process's resident memory now and at its peak (the kernel's high-water mark), in bytes. */
export interface ProcessMemory {
  rssBytes: number;
  peakRssBytes: number;
}

/** Pure: VmRSS and VmHWM of a /proc/<pid>/status text. */
export function parseProcStatusMemory(text: string): ProcessMemory {
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
    if (!match) throw new Error(`/proc status has no ${field}`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

export async function processMemory(pid: number): Promise<ProcessMemory> {
  return parseProcStatusMemory(await readFile(`/proc/${pid}/status`, 'utf8'));
}
