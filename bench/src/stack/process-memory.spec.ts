import { parseProcStatusMemory } from './process-memory.js';

describe('process memory', () => {
  it('reads the resident set and its high-water mark from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1234 kB\nVmHWM:\t   90112 kB\nVmRSS:\t   81920 kB\nThreads:\t11\n';
    expect(parseProcStatusMemory(status)).toEqual({ rssBytes: 80 * 1024 * 1024, peakRssBytes: 88 * 1024 * 1024 });
  });

  it('fails when the fields are missing (a kernel thread, a process gone)', () => {
    expect(() => parseProcStatusMemory('Name:\tkthreadd\n')).toThrow('no VmRSS');
  });
});
