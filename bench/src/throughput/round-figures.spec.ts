import { isRestashWrite, roundFigures } from './round-figures.js';

describe('throughput round figures', () => {
  const figures = roundFigures({
    executors: 2,
    sessions: 4,
    membersPerSession: 2,
    startedAt: 10_000,
    finalSeenAt: [11_000, 12_000, 13_000, 14_000],
    visibilityMs: [20, 40, 30, 900],
    writes: new Map([
      ['PUT backupsessions/status', 24],
      ['POST backupsessions', 4],
      ['DELETE backupsessions', 4],
      ['POST events', 16],
      ['PUT leases', 3],
      ['PATCH pods/status', 2],
    ]),
  });

  it('rate member runs over the time from the first create to the last session seen final', () => {
    expect(figures.memberRuns).toBe(8);
    expect(figures.elapsedSeconds).toBe(4);
    expect(figures.memberRunsPerSecond).toBe(2);
    expect(figures.sessionSeconds).toEqual({ count: 4, p50: 2, p99: 4, max: 4 });
    expect(figures.visibilityMs.p99).toBe(900);
  });

  it("count restash's writes per session: status writes apart, the bench's creates and other components' writes left out", () => {
    expect(figures.statusWritesPerSession).toBe(6);
    expect(figures.restashWritesPerSession).toBe(11);
    expect(figures.writeKinds.find((kind) => kind.kind === 'POST backupsessions')).toEqual({ kind: 'POST backupsessions', perSession: 1, restash: false });
  });

  it('know which writes are restash’s', () => {
    expect(['PUT backupsessions/status', 'DELETE backupsessions', 'POST events', 'PUT backupbatches/status', 'POST jobs', 'POST secrets'].every(isRestashWrite)).toBe(true);
    expect(['POST backupsessions', 'PUT leases', 'PATCH pods/status', 'PATCH nodes/status', 'POST pods/binding'].some(isRestashWrite)).toBe(false);
  });
});
