import { Inject, Injectable } from '@nestjs/common';
import { parseDuration, type BackupBatch, type BackupSession, type PostHookHandler } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import { postHookApplies, runHook } from '@restash/hooks';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { RunConfigurationError } from '../cluster/run-configuration-error.js';
import { JOB_MODEL_HOST } from '../members/member-run-resolver.js';
import { WorkloadHosts } from '../members/workload-hosts.js';
import { MemberQueue } from '../queues/member-queue.js';
import { BatchLock } from './batch-lock.js';
import { SessionEvents } from './session-events.js';
import { nextStep, PlanError, planMembers, type MemberOutcome, type PlannedMember } from './session-plan.js';

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
    const deadline = sessionDeadline(session, batch);
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

  private async runMembers(id: ObjectIdentity, batchName: string, plan: PlannedMember[], deadline: string | undefined): Promise<Map<number, MemberOutcome>> {
    const started = new Set<number>();
    const finished = new Map<number, MemberOutcome>();
    const running = new Map<number, Promise<[number, MemberOutcome]>>();
    while (finished.size < plan.length) {
      const step = nextStep(plan, started, finished);
      for (const { member, reason } of step.blocked) {
        await this.events.hostFailed(id, member.member.target.ref, JOB_MODEL_HOST, reason);
        finished.set(member.index, 'Failed');
      }
      for (const member of step.start) {
        started.add(member.index);
        const data = { session: id, batch: { namespace: id.namespace, name: batchName }, memberIndex: member.index, deadline };
        running.set(member.index, this.members.run(data).then((result) => [member.index, result.outcome] as [number, MemberOutcome]));
      }
      if (running.size === 0) continue;
      const [index, outcome] = await Promise.race(running.values());
      running.delete(index);
      finished.set(index, outcome);
    }
    return finished;
  }

  /** Runs a global hook and records its condition; returns the failure message, if any. */
  private async globalHook(id: ObjectIdentity, kind: 'preBackup' | 'postBackup', hook: PostHookHandler | undefined, succeeded: boolean): Promise<string | undefined> {
    if (!hook || (kind === 'postBackup' && !postHookApplies(hook, succeeded))) return undefined;
    const type = kind === 'preBackup' ? 'GlobalPreBackupHookSucceeded' : 'GlobalPostBackupHookSucceeded';
    try {
      await runHook(hook);
      await this.events.sessionCondition(id, type, true, `GlobalHookExecutionSucceeded`, `global ${kind} hook succeeded`);
      return undefined;
    } catch (error) {
      const message = `global ${kind} hook failed: ${error instanceof Error ? error.message : String(error)}`;
      await this.events.sessionCondition(id, type, false, 'GlobalHookExecutionFailed', message);
      return message;
    }
  }
}

/** The session's deadline from the batch's timeOut, counted from the session's creation. */
function sessionDeadline(session: BackupSession, batch: BackupBatch): string | undefined {
  if (!batch.spec.timeOut) return undefined;
  const created = Date.parse(session.metadata.creationTimestamp ?? new Date().toISOString());
  return new Date(created + parseDuration(batch.spec.timeOut)).toISOString();
}
