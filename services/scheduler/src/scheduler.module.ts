import { Module } from '@nestjs/common';
import { KubeModule, KubeWriteMetrics } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';
import { BatchController } from './batches/batch-controller.js';
import { VerdictPublisher } from './batches/verdict-publisher.js';
import { BackupSessions } from './cluster/backup-sessions.js';
import { ClusterCaches } from './cluster/cluster-caches.js';
import { TargetLookup } from './cluster/target-lookup.js';
import { Leadership } from './leadership.js';
import { ClusterStateMetrics } from './metrics/cluster-state-metrics.js';
import { RestoreRunController } from './restores/restore-run-controller.js';
import { SchedulerMetrics } from './scheduler-metrics.js';
import { SCHEDULER_SETTINGS, loadSchedulerSettings } from './scheduler-settings.js';
import { SchedulerService } from './scheduler.service.js';
import { RunRequestController } from './sessions/run-request-controller.js';
import { SlotController } from './sessions/slot-controller.js';
import { BatchFactsLoader } from './validation/batch-facts-loader.js';

/** Watches batches, sessions and restores, keeps one cron timer per active batch, emits run requests. */
@Module({
  imports: [KubeModule, MessagingModule.forRoot()],
  providers: [
    { provide: SCHEDULER_SETTINGS, useFactory: () => loadSchedulerSettings() },
    SchedulerMetrics,
    Leadership,
    ClusterCaches,
    TargetLookup,
    BackupSessions,
    BatchFactsLoader,
    VerdictPublisher,
    SlotController,
    BatchController,
    RunRequestController,
    RestoreRunController,
    SchedulerService,
    ClusterStateMetrics,
    KubeWriteMetrics,
  ],
})
export class SchedulerModule {}
