import type { BackupProgressEvent, MemberRunSpec } from '@restash/events';
import type { ProgressListener } from '@restash/restic';

/** Where progress goes; it must not throw or wait (a lost progress event harms nothing). */
export type ProgressSender = (event: BackupProgressEvent) => void;

export type ProgressRun = Pick<MemberRunSpec, 'session' | 'target' | 'host'>;

const MIN_INTERVAL_MS = 1000;

/** Pure: the host's percent done when path `index` of `count` is `fraction` (0..1) done, to one decimal. */
export function overallPercent(index: number, count: number, fraction: number): number {
  const done = (index + Math.min(1, Math.max(0, fraction))) / Math.max(1, count);
  return Math.round(Math.min(1, done) * 1000) / 10;
}

/**
 * Turns restic's status lines for one host (one path after the other, or one database dump) into
 * progress events: the percent over all paths, at most one a second, and 100 when the data is saved.
 */
export class ProgressReporter {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private finishedBytes = 0;
  private currentPath = 0;
  private currentBytes = 0;

  constructor(
    private readonly run: ProgressRun,
    private readonly send: ProgressSender,
    private readonly now: () => number = Date.now,
  ) {}

  /** restic's listener for path `index` of `count` (a database dump is path 0 of 1). */
  listener(index: number, count: number): ProgressListener {
    return (progress) => {
      if (index !== this.currentPath) this.startPath(index);
      this.currentBytes = progress.bytesDone;
      if (this.now() - this.lastSentAt < MIN_INTERVAL_MS) return;
      this.emit(overallPercent(index, count, progress.percentDone));
    };
  }

  /** The host's data is saved: 100%, whatever restic's last status line said. */
  done(): void {
    this.emit(100);
  }

  private startPath(index: number): void {
    this.finishedBytes += this.currentBytes;
    this.currentPath = index;
    this.currentBytes = 0;
  }

  private emit(percentDone: number): void {
    this.lastSentAt = this.now();
    const { session, target, host } = this.run;
    this.send({ type: 'backup-progress', session, target, host, percentDone, bytesDone: this.finishedBytes + this.currentBytes, at: new Date(this.lastSentAt).toISOString() });
  }
}
