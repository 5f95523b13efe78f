import { Injectable } from '@nestjs/common';
import { RESOURCES, type BackupSessionSpec, type BackupSessionStatus } from '@restash/api';
import type { BackupProgressEvent } from '@restash/events';
import { StatusWriter } from '../kube/status-writer.js';
import type { ProcessingResult } from '../metrics/status-metrics.js';
import { recordProgress } from './progress-condition.js';

/** Shows a running member's progress on its BackupSession (the target's BackupProgress condition). */
@Injectable()
export class ProgressStatusService {
  constructor(private readonly writer: StatusWriter) {}

  async apply(event: BackupProgressEvent): Promise<ProcessingResult> {
    const write = await this.writer.update<BackupSessionSpec, BackupSessionStatus>(RESOURCES.backupSession, event.session, (session) =>
      recordProgress(session.status, event, new Date().toISOString()),
    );
    return write.outcome;
  }
}
