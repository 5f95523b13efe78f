import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RethrowRpcErrors } from '@restash/messaging';
import { BackupBatchEventSchema, SUBJECTS } from '@restash/events';
import { parseStatusMessage } from '../messaging/parse-status-message.js';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { BatchStatusService } from './batch-status.service.js';

@Controller()
@UseFilters(RethrowRpcErrors)
export class BatchEventsController {
  constructor(
    private readonly batches: BatchStatusService,
    private readonly metrics: StatusMetrics,
  ) {}

  @EventPattern(SUBJECTS.batchStatus)
  async onBatchEvent(@Payload() data: unknown): Promise<void> {
    const event = this.metrics.parsing(() => parseStatusMessage(BackupBatchEventSchema, data, 'backup batch event'));
    await this.metrics.track(event.type, () => this.batches.apply(event));
  }
}
