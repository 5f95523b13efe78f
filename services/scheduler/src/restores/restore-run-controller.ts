import { Inject, Injectable } from '@nestjs/common';
import { validateRestoreBatch, type Condition, type RestoreBatch, type TargetRef } from '@restash/api';
import { identityOf, restoreEventId, SUBJECTS, type ObjectIdentity, type RestoreBatchEvent } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { objectAddress, objectKey } from '../controller/object-key.js';
import { RunRequestQueue } from '../controller/run-request-queue.js';
import { Leadership } from '../leadership.js';
import { SchedulerMetrics } from '../scheduler-metrics.js';
import { restoreNeedsRun, restoreRunRequest } from '../sessions/run-request.js';
import { BatchFactsLoader } from '../validation/batch-facts-loader.js';
import { judgeMalformedRestore, judgeRestore, type RestoreVerdict } from '../validation/judge-restore.js';

/**
 * Turns each unfinished RestoreBatch into a run request for the executor, once it is judged able to
 * run; one that cannot (no Repository, no password, no members, a missing target…) ends Invalid with
 * the conditions that say why. The verdict goes to the status service as RestoreBatch events.
 */
@Injectable()
export class RestoreRunController extends RunRequestQueue<RestoreBatch> {
  constructor(
    private readonly caches: ClusterCaches,
    private readonly facts: BatchFactsLoader,
    private readonly publisher: JetStreamPublisher,
    leadership: Leadership,
    private readonly metrics: SchedulerMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super('restore-run-requests', leadership, logger);
  }

  protected find(key: string): RestoreBatch | undefined {
    return this.caches.restores.get(...objectAddress(key));
  }

  protected keys(): string[] {
    return this.caches.restores.list().map(objectKey);
  }

  protected needsRun(restore: RestoreBatch): boolean {
    return restoreNeedsRun(restore);
  }

  protected async request(restore: RestoreBatch, key: string): Promise<void> {
    const id = identityOf(restore);
    const verdict = await this.judge(restore);
    for (const event of verdictEvents(id, verdict, new Date())) await this.publisher.publish(SUBJECTS.restoreStatus, event, restoreEventId(event));
    if (verdict.invalid) {
      this.logger.info({ restore: key, uid: id.uid, invalid: verdict.invalid }, 'RestoreBatch cannot run');
      return;
    }
    // The uid as message id: JetStream stores one run request per RestoreBatch, whoever publishes it.
    const { duplicate } = await this.publisher.publish(SUBJECTS.restoreRun, restoreRunRequest(restore), id.uid);
    this.metrics.runRequestsPublished.inc({ duplicate: String(duplicate) });
    this.logger.info({ restore: key, uid: id.uid, duplicate }, 'published restore run request');
  }

  private async judge(restore: RestoreBatch): Promise<RestoreVerdict> {
    const checked = validateRestoreBatch(restore);
    return checked.ok ? judgeRestore(checked.value, await this.facts.load(checked.value)) : judgeMalformedRestore(checked.errors);
  }
}

/** Pure: the verdict as RestoreBatch events; an invalid one also finishes the RestoreBatch (phase Invalid). */
export function verdictEvents(restore: ObjectIdentity, verdict: RestoreVerdict, now: Date): RestoreBatchEvent[] {
  const at = now.toISOString();
  const stamp = (condition: Condition) => ({ ...condition, lastTransitionTime: at });
  const member = (target: TargetRef, condition: Condition): RestoreBatchEvent => ({ type: 'member-condition', restore, target, condition: stamp(condition) });
  return [
    ...verdict.conditions.map((condition): RestoreBatchEvent => ({ type: 'restore-condition', restore, condition: stamp(condition) })),
    ...verdict.memberConditions.flatMap(({ target, conditions }) => conditions.map((condition) => member(target, condition))),
    ...(verdict.invalid ? [{ type: 'restore-finished' as const, restore, at, error: verdict.invalid, invalid: true }] : []),
  ];
}
