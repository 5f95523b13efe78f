import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type RestoreBatch, type RestoreBatchSpec, type RestoreBatchStatus } from '@restash/api';
import type { RestoreBatchEvent } from '@restash/events';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { conditionChangeNotice } from '../batch/batch-notices.js';
import { findCondition } from '../conditions/condition-list.js';
import { EventRecorder } from '../kube-events/event-recorder.js';
import { involvedObjectOf } from '../kube-events/involved-object.js';
import { StatusWriter } from '../kube/status-writer.js';
import type { ProcessingResult } from '../metrics/status-metrics.js';
import { sameTarget } from '../targets/same-target.js';
import { restoreNotices } from './restore-notices.js';
import { reduceRestore } from './restore-reducer.js';

/** Applies RestoreBatch events to the live RestoreBatch's status, then announces what changed (on it, and on a member's workload). */
@Injectable()
export class RestoreStatusService {
  private readonly logger: Logger;

  constructor(
    private readonly writer: StatusWriter,
    private readonly recorder: EventRecorder,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'restore-status' });
  }

  async apply(event: RestoreBatchEvent): Promise<ProcessingResult> {
    const write = await this.writer.update<RestoreBatchSpec, RestoreBatchStatus>(RESOURCES.restoreBatch, event.restore, (restore) =>
      reduceRestore(restore.status, event, { creationTimestamp: restore.metadata.creationTimestamp, now: new Date().toISOString() }),
    );
    if (write.outcome === 'missing' || write.outcome === 'recreated') {
      this.logger.debug({ ...event.restore, type: event.type, outcome: write.outcome }, 'restore event for an object that is gone; ignored');
      return write.outcome;
    }
    if (write.outcome === 'written') await this.announce(write.before, write.object, event);
    return write.outcome;
  }

  private async announce(before: RestoreBatch, after: RestoreBatch, event: RestoreBatchEvent): Promise<void> {
    for (const notice of restoreNotices(before.status, after.status ?? {})) await this.recorder.record(involvedObjectOf(after), notice);
    if (event.type !== 'member-condition' || !event.workload) return;
    const conditionIn = (restore: RestoreBatch) => findCondition(restore.status?.members?.find((m) => sameTarget(m.ref, event.target))?.conditions, event.condition.type);
    const notice = conditionChangeNotice(conditionIn(before), conditionIn(after));
    if (notice) await this.recorder.record(event.workload, notice);
  }
}
