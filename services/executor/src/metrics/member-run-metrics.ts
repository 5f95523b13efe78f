import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';
import type { MemberJobResult } from '../queues/job-data.js';

/** Who a member run belongs to; all low-cardinality (never a session or pod name). */
export interface MemberRunLabels {
  /** A BackupSession's member backup or a RestoreBatch's member restore. */
  operation: 'backup' | 'restore';
  namespace: string;
  /** The BackupBatch or the RestoreBatch. */
  invoker: string;
  /** The target's kind: AppBinding, PersistentVolumeClaim, Deployment… */
  kind: string;
}

type Label = keyof MemberRunLabels | 'result';

const RESULTS = ['Succeeded', 'Failed', 'error'];
const DURATION_BUCKETS_SECONDS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600];

/** `restash_member_runs_total` and `restash_member_run_duration_seconds` (backups and restores), by result (Succeeded, Failed, or error: retried). */
@Injectable()
export class MemberRunMetrics {
  private readonly runs: Counter<Label>;
  private readonly duration: Histogram<Label>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    const labelNames: Label[] = ['operation', 'namespace', 'invoker', 'kind', 'result'];
    this.runs = new Counter({ name: 'restash_member_runs_total', help: 'Member runs (one member of one BackupSession or RestoreBatch) by operation and result; error: an infrastructure failure BullMQ retries.', labelNames, registers });
    this.duration = new Histogram({ name: 'restash_member_run_duration_seconds', help: 'How long a member run took, hooks included.', labelNames, buckets: DURATION_BUCKETS_SECONDS, registers });
  }

  /**
   * Runs a member and records its result and duration (a throw counts as `error` and is rethrown).
   * The member's series start at zero when it starts, so the first run's end is an increase too.
   */
  async track(labels: MemberRunLabels, run: () => Promise<MemberJobResult>): Promise<MemberJobResult> {
    for (const result of RESULTS) {
      this.runs.inc({ ...labels, result }, 0);
      this.duration.zero({ ...labels, result });
    }
    const stop = this.duration.startTimer(labels);
    let result = 'error';
    try {
      const outcome = await run();
      result = outcome.outcome;
      return outcome;
    } finally {
      stop({ result });
      this.runs.inc({ ...labels, result });
    }
  }
}
