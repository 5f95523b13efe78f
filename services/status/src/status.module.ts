import { Module } from '@nestjs/common';
import { KubeModule } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';
import { BatchEventsController } from './batch/batch-events.controller.js';
import { BatchStatusService } from './batch/batch-status.service.js';
import { DeadLetterController } from './dead-letters/dead-letter.controller.js';
import { BackupHistoryService } from './history/backup-history.service.js';
import { EventRecorder } from './kube-events/event-recorder.js';
import { StatusWriter } from './kube/status-writer.js';
import { BackupResultMetrics } from './metrics/backup-result-metrics.js';
import { StatusMetrics } from './metrics/status-metrics.js';
import { ProgressEventsController } from './progress/progress-events.controller.js';
import { ProgressStatusService } from './progress/progress-status.service.js';
import { RepositoryStatusService } from './repository/repository-status.service.js';
import { RestoreEventsController } from './restore/restore-events.controller.js';
import { RestoreStatusService } from './restore/restore-status.service.js';
import { SessionEventsController } from './session/session-events.controller.js';
import { SessionStatusService } from './session/session-status.service.js';
import { loadStatusSettings, STATUS_SETTINGS } from './status-settings.js';

/** The only writer of .status: aggregates status events into the custom resources. */
@Module({
  imports: [KubeModule, MessagingModule.forRoot()],
  controllers: [SessionEventsController, BatchEventsController, RestoreEventsController, DeadLetterController, ProgressEventsController],
  providers: [
    { provide: STATUS_SETTINGS, useFactory: () => loadStatusSettings() },
    StatusMetrics,
    StatusWriter,
    EventRecorder,
    SessionStatusService,
    BatchStatusService,
    RestoreStatusService,
    RepositoryStatusService,
    BackupHistoryService,
    BackupResultMetrics,
    ProgressStatusService,
  ],
})
export class StatusModule {}
