import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@restash/service-runtime';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

@Injectable()
export class SchedulerMetrics {
  readonly isLeader: Gauge;
  readonly timers: Gauge;
  readonly slotLag: Histogram;
  readonly sessionsCreated: Counter;
  readonly runRequestsPublished: Counter<'duplicate'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.isLeader = new Gauge({ name: 'restash_scheduler_is_leader', help: '1 while this replica holds the scheduler lease', registers });
    this.timers = new Gauge({ name: 'restash_scheduler_timers', help: 'BackupBatches with a running schedule on this replica', registers });
    this.slotLag = new Histogram({
      name: 'restash_scheduler_slot_lag_seconds',
      help: 'Time from a slot to the creation of its BackupSession',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600],
      registers,
    });
    this.sessionsCreated = new Counter({
      name: 'restash_scheduler_sessions_created_total',
      help: 'BackupSessions created for schedule slots',
      registers,
    });
    this.runRequestsPublished = new Counter({
      name: 'restash_run_requests_published_total',
      help: 'Run requests published for BackupSessions (duplicate: JetStream already had it)',
      labelNames: ['duplicate'],
      registers,
    });
  }
}
