import { memorySection } from './memory-section.js';

const reading = (name: string, mb: number) => ({ name, maxRssBytes: mb * 1e6, peakRssBytes: mb * 1e6, samples: 4 });

describe('the memory section', () => {
  const section = memorySection(
    [
      { phase: '1,000 batches registered', readings: [reading('scheduler', 120), reading('injector', 90), reading('status', 80)] },
      { phase: 'throughput, 2 executors', readings: [reading('scheduler', 100), reading('status', 160), reading('executor-1', 110), reading('executor-2', 115)] },
    ],
    { command: './dev bench', measuredAt: new Date(0), machine: 'test' },
  );

  it('gives each service its largest RSS in any phase, against 150 MB', () => {
    expect(section.figures.map((figure) => [figure.name, figure.shown, figure.value])).toEqual([
      ['executor, largest RSS seen', '115 MB', 115],
      ['injector, largest RSS seen', '90 MB', 90],
      ['scheduler, largest RSS seen', '120 MB', 120],
      ['status, largest RSS seen', '160 MB', 160],
    ]);
    expect(section.figures.every((figure) => figure.target?.value === 150)).toBe(true);
  });

  it('tabulates phases by service, replicas side by side, absent ones as dashes', () => {
    expect(section.tables[0]!.columns).toEqual(['phase', 'executor', 'injector', 'scheduler', 'status']);
    expect(section.tables[0]!.rows).toEqual([
      ['1,000 batches registered', '—', '90 MB', '120 MB', '80 MB'],
      ['throughput, 2 executors', '110 MB / 115 MB', '—', '100 MB', '160 MB'],
    ]);
  });
});
