import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RethrowRpcErrors } from '@restash/messaging';
import { BackupSessionEventSchema, SUBJECTS } from '@restash/events';
import { parseStatusMessage } from '../messaging/parse-status-message.js';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { SessionStatusService } from './session-status.service.js';

@Controller()
@UseFilters(RethrowRpcErrors)
export class SessionEventsController {
  constructor(
    private readonly sessions: SessionStatusService,
    private readonly metrics: StatusMetrics,
  ) {}

  @EventPattern(SUBJECTS.sessionStatus)
  async onSessionEvent(@Payload() data: unknown): Promise<void> {
    const event = this.metrics.parsing(() => parseStatusMessage(BackupSessionEventSchema, data, 'backup session event'));
    await this.metrics.track(event.type, () => this.sessions.apply(event));
  }
}
