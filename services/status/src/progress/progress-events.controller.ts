import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BackupProgressEventSchema, SUBJECTS } from '@restash/events';
import { RethrowRpcErrors } from '@restash/messaging';
import { parseStatusMessage } from '../messaging/parse-status-message.js';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { ProgressStatusService } from './progress-status.service.js';

@Controller()
@UseFilters(RethrowRpcErrors)
export class ProgressEventsController {
  constructor(
    private readonly progress: ProgressStatusService,
    private readonly metrics: StatusMetrics,
  ) {}

  @EventPattern(SUBJECTS.backupProgress)
  async onProgress(@Payload() data: unknown): Promise<void> {
    const event = this.metrics.parsing(() => parseStatusMessage(BackupProgressEventSchema, data, 'backup progress'));
    await this.metrics.track(event.type, () => this.progress.apply(event));
  }
}
