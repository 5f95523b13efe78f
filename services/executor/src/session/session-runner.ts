import { Inject, Injectable } from '@nestjs/common';
import type { BackupBatch, BackupSession, PostHookHandler } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { RunConfigurationError } from '../cluster/run-configuration-error.js';
import { JOB_MODEL_HOST } from '../members/member-run-resolver.js';
import { WorkloadHosts } from '../members/workload-hosts.js';
import { MemberQueue } from '../queues/member-queue.js';
import { BatchLock } from '../locks/batch-lock.js';
import { runGlobalHook, type GlobalHookKind } from './global-hook.js';
import { runDeadline } from './run-deadline.js';
import { runPlan } from './run-plan.js';
import { SessionEvents } from './session-events.js';
import { PlanError, planMembers, type MemberOutcome, type PlannedMember } from './session-plan.js';

const FINAL_PHASES = new Set(['Succeeded', 'Failed', 'Skipped']);

/**
 * Orchestrates one BackupSession: one session per batch at a time, the global preBackup hook, the
 * members in the batch's order through the member queue, the global postBackup hook, and the final
 * report. Safe to run again for the same session after a crash: every step is idempotent.
 */
@Injectable()
export class SessionRunner {
  constructor(
    private readonly objects: ClusterObjects,
    private readonly members: MemberQueue,
    private readonly lock: BatchLock,
    private readonly events: SessionEvents,
    private readonly hosts: WorkloadHosts,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(id: ObjectIdentity): Promise<void> {
    const session = await this.objects.findBackupSession(id.namespace, id.name);
    if (!session || session.metadata.uid !== id.uid || FINAL_PHASES.has(session.status?.phase ?? '')) return;
    const log = this.logger.child({ session: id.name, namespace: id.namespace, batch: session.spec.invoker.name });
    const batchRef = { namespace: id.namespace, name: session.spec.invoker.name };
    let batch: BackupBatch;
    try {
      batch = await this.objects.backupBatch(batchRef.namespace, batchRef.name);
    } catch (error) {
      if (!(error instanceof RunConfigurationError)) throw error;
      return this.events.finished(id, error.message);
    }
    if (batch.spec.paused) return this.events.skipped(id, `BackupBatch ${batchRef.name} is paused`);
    if (!(await this.acquireBatch(batchRef, id))) return;
    try {
      await this.runSession(id, session, batch, log);
    } finally {
      await this.lock.release(batchRef, id);
    }
  }

  private async acquireBatch(batch: { namespace: string; name: string }, id: ObjectIdentity): Promise<boolean> {
    let holder = await this.lock.acquire(batch, id);
    if (holder.uid === id.uid) return true;
    const other = await this.objects.findBackupSession(batch.namespace, holder.name);
    if (!other || other.metadata.uid !== holder.uid || FINAL_PHASES.has(other.status?.phase ?? '')) {
      holder = await this.lock.acquire(batch, id, holder);
      if (holder.uid === id.uid) return true;
    }
    await this.events.skipped(id, `BackupSession ${holder.name} of BackupBatch ${batch.name} is still running`);
    return false;
  }

  private async runSession(id: ObjectIdentity, session: BackupSession, batch: BackupBatch, log: Logger): Promise<void> {
    let plan: PlannedMember[];
    try {
      plan = planMembers(batch.spec);
      if (plan.length === 0) throw new PlanError(`BackupBatch ${batch.metadata.name} has no members`);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      return this.events.finished(id, error.message);
    }
    const deadline = runDeadline(session, batch.spec.timeOut);
    await this.events.publish({
      type: 'session-started',
      session: id,
      at: new Date().toISOString(),
      ...(deadline && { deadline }),
      targets: await Promise.all(plan.map(async (member) => ({ ref: member.member.target.ref, totalHosts: await this.hosts.count(id.namespace, member) }))),
    });
    log.info({ members: plan.length, order: batch.spec.executionOrder ?? 'Parallel' }, 'session running');
    const preHookError = await this.globalHook(id, 'preBackup', batch.spec.hooks?.preBackup, true);
    if (preHookError) return this.events.finished(id, preHookError);
    const outcomes = await this.runMembers(id, session.spec.invoker.name, plan, deadline);
    const succeeded = [...outcomes.values()].every((outcome) => outcome === 'Succeeded');
    await this.globalHook(id, 'postBackup', batch.spec.hooks?.postBackup, succeeded);
    await this.events.finished(id);
    log.info({ succeeded }, 'session finished');
  }

  private runMembers(id: ObjectIdentity, batchName: string, plan: PlannedMember[], deadline: string | undefined): Promise<Map<number, MemberOutcome>> {
    return runPlan(plan, {
      start: async (member) => (await this.members.run({ session: id, batch: { namespace: id.namespace, name: batchName }, memberIndex: member.index, deadline })).outcome,
      block: (member, reason) => this.events.hostFailed(id, member.member.target.ref, JOB_MODEL_HOST, reason),
    });
  }

  /** Runs a global hook and records its condition; returns the failure message, if any. */
  private globalHook(id: ObjectIdentity, kind: GlobalHookKind, hook: PostHookHandler | undefined, succeeded: boolean): Promise<string | undefined> {
    return runGlobalHook(kind, hook, succeeded, (type, ok, reason, message) => this.events.sessionCondition(id, type, ok, reason, message));
  }
}
