import { Inject, Injectable } from '@nestjs/common';
import { isPermanentError } from '@restash/messaging';
import { METRICS_REGISTRY } from '@restash/service-runtime';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What became of a processed message: the write's outcome, or why it was not applied. */
export type ProcessingResult = 'written' | 'unchanged' | 'missing' | 'recreated' | 'logged';

const DURATION_BUCKETS_SECONDS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600];

/** The status service's Prometheus series; labels stay low-cardinality (never a session name). */
@Injectable()
export class StatusMetrics {
  private readonly sessions: Counter<'namespace' | 'invoker' | 'phase'>;
  private readonly sessionDuration: Histogram<'namespace' | 'invoker' | 'phase'>;
  private readonly lastSuccess: Gauge<'namespace' | 'invoker'>;
  private readonly processed: Counter<'type' | 'result'>;
  private readonly kubeWrites: Counter<'resource' | 'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.sessions = new Counter({ name: 'restash_backup_sessions_total', help: 'Backup sessions that reached a final phase.', labelNames: ['namespace', 'invoker', 'phase'], registers });
    this.sessionDuration = new Histogram({
      name: 'restash_backup_session_duration_seconds',
      help: 'From a backup session\'s creation to its final phase.',
      labelNames: ['namespace', 'invoker', 'phase'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    });
    this.lastSuccess = new Gauge({ name: 'restash_backup_last_success_timestamp_seconds', help: 'When the last backup session of a batch succeeded.', labelNames: ['namespace', 'invoker'], registers });
    this.processed = new Counter({ name: 'restash_status_events_processed_total', help: 'Status messages processed, by type and result.', labelNames: ['type', 'result'], registers });
    this.kubeWrites = new Counter({ name: 'restash_kube_writes_total', help: 'Writes to the Kubernetes API, by resource and result.', labelNames: ['resource', 'result'], registers });
  }

  sessionFinished(labels: { namespace: string; invoker: string; phase: string }, durationSeconds: number | undefined, finishedAt: Date): void {
    this.sessions.inc(labels);
    if (durationSeconds !== undefined) this.sessionDuration.observe(labels, durationSeconds);
    if (labels.phase === 'Succeeded') this.lastSuccess.set({ namespace: labels.namespace, invoker: labels.invoker }, finishedAt.getTime() / 1000);
  }

  kubeWrite(resource: string, result: 'ok' | 'conflict' | 'not-found' | 'error'): void {
    this.kubeWrites.inc({ resource, result });
  }

  /** Parses a message, counting it as rejected when it is malformed. */
  parsing<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      this.processed.inc({ type: 'invalid', result: 'rejected' });
      throw error;
    }
  }

  /** Runs a message's work and counts its result (or its failure, before rethrowing it). */
  async track(type: string, work: () => Promise<ProcessingResult>): Promise<void> {
    try {
      this.processed.inc({ type, result: await work() });
    } catch (error) {
      this.processed.inc({ type, result: isPermanentError(error) ? 'rejected' : 'failed' });
      throw error;
    }
  }
}
