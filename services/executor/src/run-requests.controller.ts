import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RethrowRpcErrors } from '@restash/messaging';
import { parseMessage, RunRequestSchema, SUBJECTS } from '@restash/events';
import { SessionQueue } from './queues/session-queue.js';

/** Turns run requests from NATS into session jobs; the message is acked once the job is stored in Redis. */
@Controller()
@UseFilters(RethrowRpcErrors)
export class RunRequestsController {
  constructor(private readonly sessions: SessionQueue) {}

  @EventPattern(SUBJECTS.backupRun)
  async onBackupRun(@Payload() data: unknown): Promise<void> {
    const request = parseMessage(RunRequestSchema, data, 'run request');
    await this.sessions.enqueue(request.object);
  }
}
