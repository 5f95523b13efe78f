import { parseProcStatCpu } from './process-cpu.js';

describe('process CPU time', () => {
  it('adds user and system time from /proc/<pid>/stat, whatever the command name holds', () => {
    const stat = '4242 (node (a) b) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 11 0 100 1000 2000';
    expect(parseProcStatCpu(stat)).toBe(3.25);
  });
});
