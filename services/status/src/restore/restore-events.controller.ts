import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RestoreBatchEventSchema, SUBJECTS } from '@restash/events';
import { RethrowRpcErrors } from '@restash/messaging';
import { parseStatusMessage } from '../messaging/parse-status-message.js';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { RestoreStatusService } from './restore-status.service.js';

/** RestoreBatch events: most on one subject, host results on one subject per host. */
@Controller()
@UseFilters(RethrowRpcErrors)
export class RestoreEventsController {
  constructor(
    private readonly restores: RestoreStatusService,
    private readonly metrics: StatusMetrics,
  ) {}

  @EventPattern(SUBJECTS.restoreStatus)
  onRestoreEvent(@Payload() data: unknown): Promise<void> {
    return this.apply(data);
  }

  @EventPattern(SUBJECTS.restoreHostStatus)
  onHostResult(@Payload() data: unknown): Promise<void> {
    return this.apply(data);
  }

  private async apply(data: unknown): Promise<void> {
    const event = this.metrics.parsing(() => parseStatusMessage(RestoreBatchEventSchema, data, 'restore batch event'));
    await this.metrics.track(event.type, () => this.restores.apply(event));
  }
}
