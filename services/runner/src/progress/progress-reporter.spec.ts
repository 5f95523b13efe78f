import type { BackupProgressEvent } from '@restash/events';
import type { BackupProgress } from '@restash/restic';
import { overallPercent, ProgressReporter } from './progress-reporter.js';

const run = { session: { namespace: 'ns', name: 's-1', uid: 'u1' }, target: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, host: 'host-0' };
const status = (percentDone: number, bytesDone: number): BackupProgress => ({ percentDone, bytesDone, filesDone: 0, totalFiles: 0, totalBytes: 0 });

describe('overallPercent', () => {
  it('spreads the paths evenly over 0–100 and clamps restic’s fraction', () => {
    expect(overallPercent(0, 1, 0.4234)).toBe(42.3);
    expect(overallPercent(1, 2, 0.5)).toBe(75);
    expect(overallPercent(0, 1, 1.2)).toBe(100);
    expect(overallPercent(0, 0, 0)).toBe(0);
  });
});

describe('ProgressReporter', () => {
  it('sends at most one event a second, with bytes over all paths, and 100 when done', () => {
    let now = 10_000;
    const sent: BackupProgressEvent[] = [];
    const reporter = new ProgressReporter(run, (event) => sent.push(event), () => now);
    const first = reporter.listener(0, 2);
    first(status(0.1, 100));
    now += 400;
    first(status(0.5, 500));
    now += 700;
    first(status(1, 1000));
    reporter.listener(1, 2)(status(0.2, 50));
    now += 1000;
    reporter.listener(1, 2)(status(0.6, 300));
    reporter.done();
    expect(sent.map((event) => [event.percentDone, event.bytesDone])).toEqual([[5, 100], [50, 1000], [80, 1300], [100, 1300]]);
    expect(sent[0]).toEqual({ type: 'backup-progress', ...run, percentDone: 5, bytesDone: 100, at: new Date(10_000).toISOString() });
  });
});
