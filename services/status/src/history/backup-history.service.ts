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
import { SESSION_CONDITIONS } from '../session/session-update.js';
import { DEFAULT_BACKUP_HISTORY_LIMIT, sessionsBeyondHistory } from './history-selection.js';

const CLEANED_REASON = 'OldBackupSessionsCleaned';

/**
 * Deletes a batch's finished sessions beyond its backupHistoryLimit once one of them finishes, and
 * marks the finishing session BackupHistoryCleaned; that condition makes the work happen once.
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
    const namespace = session.metadata.namespace!;
    const batch = invokerOf(session);
    const limit = await this.historyLimit(namespace, batch);
    const siblings = await this.sessions.list(namespace, { labelSelector: `${INVOKER_NAME_LABEL}=${batch}` });
    const doomed = sessionsBeyondHistory(siblings, limit);
    for (const old of doomed) await this.delete(namespace, old.metadata.name!);
    if (doomed.some((old) => old.metadata.uid === session.metadata.uid)) return;
    await this.markCleaned(session, `Deleted ${doomed.length} finished session(s) of ${batch} beyond backupHistoryLimit ${limit}.`);
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
    const identity = identityOf(session);
    const condition = { type: SESSION_CONDITIONS.historyCleaned, status: 'True' as const, reason: CLEANED_REASON, message };
    await this.writer.update<BackupSessionSpec, BackupSessionStatus>(RESOURCES.backupSession, identity, (current) =>
      reduceSession(current.status, { type: 'session-condition', session: identity, condition }, { creationTimestamp: current.metadata.creationTimestamp, now: new Date().toISOString() }),
    );
  }
}
