import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InvalidMessageError, parseMessage, RunRequestSchema, SUBJECTS } from '@restash/events';
import { PermanentMessageError } from '@restash/messaging';
import { SessionQueue } from './queues/session-queue.js';

/** Turns run requests from NATS into session jobs; the message is acked once the job is stored in Redis. */
@Controller()
export class RunRequestsController {
  constructor(private readonly sessions: SessionQueue) {}

  @EventPattern(SUBJECTS.backupRun)
  async onBackupRun(@Payload() data: unknown): Promise<void> {
    let request;
    try {
      request = parseMessage(RunRequestSchema, data, 'run request');
    } catch (error) {
      if (error instanceof InvalidMessageError) throw new PermanentMessageError(error.message);
      throw error;
    }
    await this.sessions.enqueue(request.object);
  }
}
