import { Inject, Injectable } from '@nestjs/common';
import type { ObjectIdentity } from '@restash/events';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { JOB_MODEL_HOST } from '../members/member-run-resolver.js';
import { WorkloadHosts } from '../members/workload-hosts.js';
import { MemberQueue } from '../queues/member-queue.js';
import { runGlobalHook } from '../session/global-hook.js';
import { runDeadline } from '../session/run-deadline.js';
import { runPlan } from '../session/run-plan.js';
import { planMembers } from '../session/session-plan.js';
import { RestoreEvents } from './restore-events.js';

const FINAL_PHASES = new Set(['Succeeded', 'Failed', 'Invalid', 'Unknown']);

/**
 * Orchestrates one RestoreBatch: the global preRestore hook (its failure fails the restore before any
 * data is touched), the members in the batch's order through the member queue (shared with backups,
 * so the same limits apply), the global postRestore hook by its executionPolicy, and the final report.
 * Safe to run again after a crash: every step is idempotent.
 */
@Injectable()
export class RestoreRunner {
  constructor(
    private readonly objects: ClusterObjects,
    private readonly members: MemberQueue,
    private readonly events: RestoreEvents,
    private readonly hosts: WorkloadHosts,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(id: ObjectIdentity): Promise<void> {
    const restore = await this.objects.findRestoreBatch(id.namespace, id.name);
    if (!restore || restore.metadata.uid !== id.uid || FINAL_PHASES.has(restore.status?.phase ?? '')) return;
    const log = this.logger.child({ restore: id.name, namespace: id.namespace });
    const plan = planMembers(restore.spec);
    if (plan.length === 0) return this.events.finished(id, `RestoreBatch ${id.name} has no members`);
    const deadline = runDeadline(restore, restore.spec.timeOut);
    await this.events.publish({
      type: 'restore-started',
      restore: id,
      at: new Date().toISOString(),
      ...(deadline && { deadline }),
      members: await Promise.all(plan.map(async (member) => ({ ref: member.member.target.ref, totalHosts: await this.hosts.count(id.namespace, member) }))),
    });
    log.info({ members: plan.length, order: restore.spec.executionOrder ?? 'Parallel' }, 'restore running');
    const preHookError = await runGlobalHook('preRestore', restore.spec.hooks?.preRestore, true, this.events.recorder(id));
    if (preHookError) return this.events.finished(id, preHookError);
    const outcomes = await runPlan(plan, {
      start: async (member) => (await this.members.run({ kind: 'restore', restore: id, memberIndex: member.index, deadline })).outcome,
      block: (member, reason) => this.events.hostFailed(id, member.member.target.ref, JOB_MODEL_HOST, reason),
    });
    const succeeded = [...outcomes.values()].every((outcome) => outcome === 'Succeeded');
    await runGlobalHook('postRestore', restore.spec.hooks?.postRestore, succeeded, this.events.recorder(id));
    await this.events.finished(id);
    log.info({ succeeded }, 'restore finished');
  }
}

