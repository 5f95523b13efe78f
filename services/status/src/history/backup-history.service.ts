import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type BackupBatchSpec, type BackupBatchStatus, type BackupSession, type BackupSessionSpec, type BackupSessionStatus } from '@restash/api';
import { identityOf } from '@restash/events';
import { CustomResources, isNotFound, KubeClient } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { findCondition } from '../conditions/condition-list.js';
import { StatusWriter } from '../kube/status-writer.js';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { reduceSession } from '../session/session-reducer.js';
import { INVOKER_NAME_LABEL, invokerOf } from '../session/session-invoker.js';
import { isFinalSessionPhase } from '../session/session-phase.js';
import { SESSION_CONDITIONS } from '../session/session-update.js';
import { DEFAULT_BACKUP_HISTORY_LIMIT, sessionsBeyondHistory } from './history-selection.js';

const CLEANED_REASON = 'OldBackupSessionsCleaned';

/**
 * Deletes a batch's finished sessions beyond its backupHistoryLimit once one of them finishes, and
 * marks the finishing session BackupHistoryCleaned (in the write of its final phase when it can);
 * that condition makes the work happen once.
 */
@Injectable()
export class BackupHistoryService {
  private readonly sessions: CustomResources<BackupSessionSpec, BackupSessionStatus>;
  private readonly batches: CustomResources<BackupBatchSpec, BackupBatchStatus>;
  private readonly logger: Logger;

  constructor(
    kube: KubeClient,
    private readonly writer: StatusWriter,
    private readonly metrics: StatusMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.sessions = new CustomResources(kube, RESOURCES.backupSession);
    this.batches = new CustomResources(kube, RESOURCES.backupBatch);
    this.logger = logger.child({ component: 'backup-history' });
  }

  async clean(session: BackupSession): Promise<void> {
    if (findCondition(session.status?.conditions, SESSION_CONDITIONS.historyCleaned)) return;
    const { batch, limit, doomed } = await this.selection(session);
    for (const old of doomed) await this.delete(session.metadata.namespace!, old.metadata.name!);
    if (doomed.some((old) => old.metadata.uid === session.metadata.uid)) return;
    await this.markCleaned(session, cleanedMessage(doomed.length, batch, limit));
  }

  /**
   * Cleans up before a session's final status is written, so one write records the phase and
   * BackupHistoryCleaned; returns the status to write. Does nothing (and clean() does it after the
   * write, as for a session written final before) while the session is not final, when it is itself
   * beyond the history, or when cleaning fails.
   */
  async cleanBeforeFinalWrite(session: BackupSession): Promise<BackupSessionStatus> {
    const status = session.status ?? {};
    if (!isFinalSessionPhase(status.phase) || findCondition(status.conditions, SESSION_CONDITIONS.historyCleaned)) return status;
    try {
      const { batch, limit, doomed } = await this.selection(session);
      if (doomed.some((old) => old.metadata.uid === session.metadata.uid)) return status;
      for (const old of doomed) await this.delete(session.metadata.namespace!, old.metadata.name!);
      return withCleanedCondition(session, cleanedMessage(doomed.length, batch, limit));
    } catch (error) {
      this.logger.warn({ namespace: session.metadata.namespace, session: session.metadata.name, err: error }, 'could not clean history before the final status; will after it');
      return status;
    }
  }

  /** The batch's finished sessions beyond its limit, `session` as given (it may be newer than what the API server has). */
  private async selection(session: BackupSession): Promise<{ batch: string; limit: number; doomed: BackupSession[] }> {
    const namespace = session.metadata.namespace!;
    const batch = invokerOf(session);
    const limit = await this.historyLimit(namespace, batch);
    const listed = await this.sessions.list(namespace, { labelSelector: `${INVOKER_NAME_LABEL}=${batch}` });
    const siblings = [...listed.filter((other) => other.metadata.uid !== session.metadata.uid), session];
    return { batch, limit, doomed: sessionsBeyondHistory(siblings, limit) };
  }

  private async historyLimit(namespace: string, batch: string): Promise<number> {
    try {
      return (await this.batches.get(namespace, batch)).spec.backupHistoryLimit ?? DEFAULT_BACKUP_HISTORY_LIMIT;
    } catch (error) {
      if (isNotFound(error)) return DEFAULT_BACKUP_HISTORY_LIMIT;
      throw error;
    }
  }

  private async delete(namespace: string, name: string): Promise<void> {
    try {
      await this.sessions.delete(namespace, name);
      this.metrics.kubeWrite(RESOURCES.backupSession.plural, 'ok');
      this.logger.info({ namespace, session: name }, 'deleted backup session beyond history limit');
    } catch (error) {
      this.metrics.kubeWrite(RESOURCES.backupSession.plural, isNotFound(error) ? 'not-found' : 'error');
      if (!isNotFound(error)) throw error;
    }
  }

  private async markCleaned(session: BackupSession, message: string): Promise<void> {
    await this.writer.update<BackupSessionSpec, BackupSessionStatus>(RESOURCES.backupSession, identityOf(session), (current) => withCleanedCondition(current, message));
  }
}

function cleanedMessage(deleted: number, batch: string, limit: number): string {
  return `Deleted ${deleted} finished session(s) of ${batch} beyond backupHistoryLimit ${limit}.`;
}

/** The session's status with BackupHistoryCleaned recorded. */
function withCleanedCondition(session: BackupSession, message: string): BackupSessionStatus {
  const condition = { type: SESSION_CONDITIONS.historyCleaned, status: 'True' as const, reason: CLEANED_REASON, message };
  const update = { type: 'session-condition' as const, session: identityOf(session), condition };
  return reduceSession(session.status, update, { creationTimestamp: session.metadata.creationTimestamp, now: new Date().toISOString() });
}
