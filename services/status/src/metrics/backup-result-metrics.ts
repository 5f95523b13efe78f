import { Inject, Injectable } from '@nestjs/common';
import type { HostResult } from '@restash/events';
import { Counter, Gauge, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';
import { hostResultFigures } from './host-result-figures.js';

type Labels = 'namespace' | 'invoker' | 'kind';

/**
 * What backups moved, from the host results the status service applies (each counted when it
 * first lands in a session's status), and when a batch's last session failed.
 */
@Injectable()
export class BackupResultMetrics {
  private readonly processed: Counter<Labels>;
  private readonly uploaded: Counter<Labels>;
  private readonly files: Counter<Labels | 'change'>;
  private readonly lastFailure: Gauge<'namespace' | 'invoker'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    const labelNames: Labels[] = ['namespace', 'invoker', 'kind'];
    this.processed = new Counter({ name: 'restash_backup_processed_bytes_total', help: 'Bytes restic read for backups (snapshot totalSize).', labelNames, registers });
    this.uploaded = new Counter({ name: 'restash_backup_uploaded_bytes_total', help: 'Bytes restic added to repositories (snapshot uploaded).', labelNames, registers });
    this.files = new Counter({ name: 'restash_backup_files_processed_total', help: 'Files backed up, by change since the previous snapshot (new, modified, unmodified).', labelNames: [...labelNames, 'change'], registers });
    this.lastFailure = new Gauge({ name: 'restash_backup_last_failure_timestamp_seconds', help: 'When the last backup session of a batch failed.', labelNames: ['namespace', 'invoker'], registers });
  }

  hostApplied(event: HostResult, invoker: string): void {
    const labels = { namespace: event.session.namespace, invoker, kind: event.target.kind };
    const figures = hostResultFigures(event.result);
    this.processed.inc(labels, figures.processedBytes);
    this.uploaded.inc(labels, figures.uploadedBytes);
    for (const [change, count] of Object.entries(figures.files)) this.files.inc({ ...labels, change }, count);
  }

  sessionFinished(labels: { namespace: string; invoker: string; phase: string }, finishedAt: Date): void {
    if (labels.phase === 'Failed') this.lastFailure.set({ namespace: labels.namespace, invoker: labels.invoker }, finishedAt.getTime() / 1000);
  }
}
