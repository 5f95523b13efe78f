import { Controller, Inject, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DEAD_LETTER_SUBJECT, RethrowRpcErrors } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { parseStatusMessage } from '../messaging/parse-status-message.js';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { RestoreStatusService } from '../restore/restore-status.service.js';
import { SessionStatusService } from '../session/session-status.service.js';
import { DeadLetterSchema } from './dead-letter-schema.js';
import { runRequestFailure } from './run-request-failure.js';

/** Ends the session or RestoreBatch of a dead-lettered run request in a true final phase; other letters are logged. */
@Controller()
@UseFilters(RethrowRpcErrors)
export class DeadLetterController {
  private readonly logger: Logger;

  constructor(
    private readonly sessions: SessionStatusService,
    private readonly restores: RestoreStatusService,
    private readonly metrics: StatusMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'dead-letters' });
  }

  @EventPattern(DEAD_LETTER_SUBJECT)
  async onDeadLetter(@Payload() data: unknown): Promise<void> {
    const letter = this.metrics.parsing(() => parseStatusMessage(DeadLetterSchema, data, 'dead letter'));
    const failure = runRequestFailure(letter, new Date().toISOString());
    if (failure?.type === 'restore-finished') return this.metrics.track(failure.type, () => this.restores.apply(failure));
    if (failure) return this.metrics.track(failure.type, () => this.sessions.apply(failure));
    this.logger.warn({ consumer: letter.consumer, subject: letter.subject, deliveries: letter.deliveries, err: letter.error }, 'message dead-lettered');
    return this.metrics.track('dead-letter', async () => 'logged');
  }
}
