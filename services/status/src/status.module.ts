import { Module } from '@nestjs/common';
import { KubeModule } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';
import { BatchEventsController } from './batch/batch-events.controller.js';
import { BatchStatusService } from './batch/batch-status.service.js';
import { DeadLetterController } from './dead-letters/dead-letter.controller.js';
import { BackupHistoryService } from './history/backup-history.service.js';
import { EventRecorder } from './kube-events/event-recorder.js';
import { StatusWriter } from './kube/status-writer.js';
import { StatusMetrics } from './metrics/status-metrics.js';
import { RepositoryStatusService } from './repository/repository-status.service.js';
import { SessionEventsController } from './session/session-events.controller.js';
import { SessionStatusService } from './session/session-status.service.js';

/** The only writer of .status: aggregates status events into the custom resources. */
@Module({
  imports: [KubeModule, MessagingModule.forRoot()],
  controllers: [SessionEventsController, BatchEventsController, DeadLetterController],
  providers: [StatusMetrics, StatusWriter, EventRecorder, SessionStatusService, BatchStatusService, RepositoryStatusService, BackupHistoryService],
})
export class StatusModule {}
