import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RethrowRpcErrors } from '@restash/messaging';
import { parseMessage, RunRequestSchema, SUBJECTS } from '@restash/events';
import { RestoreQueue } from './queues/restore-queue.js';
import { SessionQueue } from './queues/session-queue.js';

/** Turns run requests from NATS into session and restore jobs; the message is acked once the job is stored in Redis. */
@Controller()
@UseFilters(RethrowRpcErrors)
export class RunRequestsController {
  constructor(
    private readonly sessions: SessionQueue,
    private readonly restores: RestoreQueue,
  ) {}

  @EventPattern(SUBJECTS.backupRun)
  async onBackupRun(@Payload() data: unknown): Promise<void> {
    const request = parseMessage(RunRequestSchema, data, 'run request');
    await this.sessions.enqueue(request.object);
  }

  @EventPattern(SUBJECTS.restoreRun)
  async onRestoreRun(@Payload() data: unknown): Promise<void> {
    const request = parseMessage(RunRequestSchema, data, 'run request');
    await this.restores.enqueue(request.object);
  }
}
