import { Inject, Injectable } from '@nestjs/common';
import { parseDuration, RESOURCES, type BackupSession, type BackupSessionSpec, type BackupSessionStatus, type SessionPhase } from '@restash/api';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { BackupHistoryService } from '../history/backup-history.service.js';
import { EventRecorder } from '../kube-events/event-recorder.js';
import { involvedObjectOf } from '../kube-events/involved-object.js';
import { StatusWriter } from '../kube/status-writer.js';
import { BackupResultMetrics } from '../metrics/backup-result-metrics.js';
import { StatusMetrics, type ProcessingResult } from '../metrics/status-metrics.js';
import { RepositoryStatusService } from '../repository/repository-status.service.js';
import { invokerOf } from './session-invoker.js';
import { sessionNotices } from './session-notices.js';
import { isFinalSessionPhase } from './session-phase.js';
import { reduceSession } from './session-reducer.js';
import type { SessionUpdate } from './session-update.js';

/** Applies session updates to the live BackupSession, then announces what changed and tidies up after final phases. */
@Injectable()
export class SessionStatusService {
  private readonly logger: Logger;

  constructor(
    private readonly writer: StatusWriter,
    private readonly recorder: EventRecorder,
    private readonly metrics: StatusMetrics,
    private readonly repositories: RepositoryStatusService,
    private readonly history: BackupHistoryService,
    @Inject(LOGGER) logger: Logger,
    private readonly results: BackupResultMetrics,
  ) {
    this.logger = logger.child({ component: 'session-status' });
  }

  async apply(update: SessionUpdate): Promise<ProcessingResult> {
    const write = await this.writer.update<BackupSessionSpec, BackupSessionStatus>(
      RESOURCES.backupSession,
      update.session,
      (session) => reduceSession(session.status, update, { creationTimestamp: session.metadata.creationTimestamp, now: new Date().toISOString() }),
      { finish: (session) => this.history.cleanBeforeFinalWrite(session) },
    );
    if (write.outcome === 'missing' || write.outcome === 'recreated') {
      this.logger.debug({ ...update.session, type: update.type, outcome: write.outcome }, 'session update for an object that is gone; ignored');
      return write.outcome;
    }
    if (write.outcome === 'written') await this.announce(write.before, write.object);
    if (write.outcome === 'written' && update.type === 'host-result') this.results.hostApplied(update, invokerOf(write.object));
    if (update.type === 'host-result' && update.repository) await this.repositories.apply(update, update.repository);
    if (isFinalSessionPhase(write.object.status?.phase)) await this.history.clean(write.object);
    return write.outcome;
  }

  private async announce(before: BackupSession, after: BackupSession): Promise<void> {
    for (const notice of sessionNotices(before.status, after.status ?? {})) await this.recorder.record(involvedObjectOf(after), notice);
    const phase = after.status?.phase;
    if (phase && isFinalSessionPhase(phase) && !isFinalSessionPhase(before.status?.phase)) this.countFinished(after, phase);
  }

  private countFinished(session: BackupSession, phase: SessionPhase): void {
    const { namespace = '', name } = session.metadata;
    this.logger.info({ namespace, session: name, phase, duration: session.status?.sessionDuration }, 'backup session finished');
    this.metrics.sessionFinished({ namespace, invoker: invokerOf(session), phase }, durationSeconds(session), new Date());
    this.results.sessionFinished({ namespace, invoker: invokerOf(session), phase }, new Date());
  }
}

function durationSeconds(session: BackupSession): number | undefined {
  const duration = session.status?.sessionDuration;
  return duration ? parseDuration(duration) / 1000 : undefined;
}
