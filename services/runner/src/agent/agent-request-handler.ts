import { AgentRunRequestSchema, InvalidMessageError, parseMessage, type AgentRunRequest } from '@restash/events';
import { PermanentMessageError } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { hostResultEvent } from '../backup/host-result-event.js';
import { runHostBackup, type ResultPublisher } from '../backup/run-host-backup.js';
import type { ProgressSender } from '../progress/progress-reporter.js';
import type { AgentSettings } from './agent-settings.js';
import { hostBackupRun, isExpired } from './agent-run.js';
import { readRepositoryFile } from './repository-file.js';

/**
 * Handles one run request delivered to this sidecar: back the host up and report the result. A
 * request that cannot be valid is rejected for good (dead-lettered); a backup that fails is a Failed
 * result (acked); only a failure to report throws, so the request is redelivered.
 */
export class AgentRequestHandler {
  constructor(
    private readonly settings: AgentSettings,
    private readonly publish: ResultPublisher,
    private readonly logger: Logger,
    private readonly progress?: ProgressSender,
  ) {}

  async handle(data: unknown): Promise<void> {
    const request = this.parse(data);
    if (isExpired(request, new Date())) {
      this.logger.warn({ runId: request.runId, expiresAt: request.expiresAt }, 'dropping a run request the executor no longer waits for');
      return;
    }
    let repository;
    try {
      repository = await readRepositoryFile(this.settings.repositoryFile);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ runId: request.runId, err: message }, 'backup not possible');
      await this.publish(hostResultEvent(request, { result: { hostname: request.host, phase: 'Failed', error: message }, snapshotsRemoved: 0 }, undefined, new Date()));
      return;
    }
    await runHostBackup(hostBackupRun(request, repository), this.publish, this.logger, this.progress);
  }

  private parse(data: unknown): AgentRunRequest {
    let request: AgentRunRequest;
    try {
      request = parseMessage(AgentRunRequestSchema, data, 'agent run request');
    } catch (error) {
      if (error instanceof InvalidMessageError) throw new PermanentMessageError(error.message);
      throw error;
    }
    if (request.host !== this.settings.host || request.target.name !== this.settings.workload.name || request.target.kind !== this.settings.workload.kind) {
      throw new PermanentMessageError(`run request for ${request.target.kind}/${request.target.name} ${request.host} reached the sidecar of ${this.settings.workload.kind}/${this.settings.workload.name} ${this.settings.host}`);
    }
    return request;
  }
}
