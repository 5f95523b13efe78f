import { Inject, Injectable } from '@nestjs/common';
import type { BackupBatch, BackupMember, TargetRef } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import { postHookApplies, runHook } from '@restash/hooks';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { EXECUTOR_SETTINGS, type ExecutorSettings } from '../executor-settings.js';
import type { MemberJobData, MemberJobResult } from '../queues/job-data.js';
import { SessionEvents } from '../session/session-events.js';
import { planMembers, type PlannedMember } from '../session/session-plan.js';
import type { JobOutcome } from './job-outcome.js';
import { memberJobManifest, runSpecSecretManifest } from './member-job-manifest.js';
import { memberJobName } from './member-job-name.js';
import { MemberJobs } from './member-jobs.js';
import { JOB_MODEL_HOST, MemberRunResolver } from './member-run-resolver.js';
import { SidecarMemberRunner } from './sidecar-member-runner.js';

/**
 * Runs one member of a session: its preBackup hook, the backup itself (for job-model members a
 * Kubernetes Job running restash's one-shot runner, followed to its end), its postBackup hook.
 * Workload members go to the SidecarMemberRunner (the `stash` sidecars, per host).
 * Failures become a Failed host result with the reason; only infrastructure errors throw (retried).
 */
@Injectable()
export class MemberRunner {
  constructor(
    private readonly objects: ClusterObjects,
    private readonly resolver: MemberRunResolver,
    private readonly jobs: MemberJobs,
    private readonly sidecars: SidecarMemberRunner,
    private readonly events: SessionEvents,
    @Inject(EXECUTOR_SETTINGS) private readonly settings: ExecutorSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(data: MemberJobData): Promise<MemberJobResult> {
    const batch = await this.objects.backupBatch(data.batch.namespace, data.batch.name);
    const planned = planMembers(batch.spec)[data.memberIndex];
    if (!planned) throw new Error(`BackupBatch ${data.batch.name} has no member ${data.memberIndex}`);
    const { ref } = planned.member.target;
    const log = this.logger.child({ session: data.session.name, namespace: data.session.namespace, member: planned.key });
    if (planned.model === 'sidecar') return this.sidecars.run(data, batch, planned);
    if (planned.model !== 'job') {
      await this.events.hostFailed(data.session, ref, JOB_MODEL_HOST, `${ref.kind} is not a kind of target restash backs up`);
      return { outcome: 'Failed' };
    }
    if (!(await this.preHook(data.session, planned.member, ref))) return { outcome: 'Failed' };
    const outcome = await this.backup(data, batch, planned, log);
    await this.postHook(data.session, planned.member, ref, outcome.state === 'succeeded');
    return { outcome: outcome.state === 'succeeded' ? 'Succeeded' : 'Failed' };
  }

  private async backup(data: MemberJobData, batch: BackupBatch, planned: PlannedMember, log: Logger): Promise<JobOutcome> {
    const { session } = data;
    const { ref } = planned.member.target;
    let name: string;
    try {
      const resolved = await this.resolver.resolve(session, batch, planned);
      name = memberJobName(session.name, planned.key);
      await this.jobs.ensure(
        runSpecSecretManifest(name, session, resolved.spec),
        memberJobManifest({
          name,
          session,
          memberKey: planned.key,
          target: planned.member.target,
          localBackend: resolved.localBackend,
          image: this.settings.image,
          runtimeSettings: planned.member.runtimeSettings,
          activeDeadlineSeconds: secondsUntil(data.deadline),
        }),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.events.targetCondition(session, ref, 'BackupExecutorEnsured', false, 'BackupExecutorNotEnsured', reason);
      await this.events.hostFailed(session, ref, JOB_MODEL_HOST, reason);
      return { state: 'failed', reason };
    }
    await this.events.targetCondition(session, ref, 'BackupExecutorEnsured', true, 'BackupExecutorEnsured', `Job ${name} runs the backup`);
    await this.events.publish({ type: 'target-started', session, target: ref, totalHosts: 1 });
    log.info({ job: name }, 'member Job running');
    const outcome = await this.follow(session.namespace, name, data.deadline);
    // The runner reports its own result; this only lands when it could not (same message id).
    if (outcome.state === 'failed') await this.events.hostFailed(session, ref, JOB_MODEL_HOST, outcome.reason);
    log.info({ job: name, outcome: outcome.state }, 'member Job finished');
    return outcome;
  }

  private async follow(namespace: string, name: string, deadline: string | undefined): Promise<JobOutcome> {
    for (;;) {
      const outcome = await this.jobs.outcome(namespace, name);
      if (outcome.state !== 'running') return outcome;
      if (deadline && Date.now() > Date.parse(deadline)) {
        await this.jobs.delete(namespace, name);
        return { state: 'failed', reason: `the backup did not finish before the session deadline ${deadline} (spec.timeOut)` };
      }
      await new Promise((resolve) => setTimeout(resolve, this.settings.jobPollMs));
    }
  }

  private async preHook(session: ObjectIdentity, member: BackupMember, ref: TargetRef): Promise<boolean> {
    const hook = member.hooks?.preBackup;
    if (!hook) return true;
    try {
      await runHook(hook);
      await this.events.targetCondition(session, ref, 'PreBackupHookExecutionSucceeded', true, 'SuccessfullyExecutedPreBackupHook', 'preBackup hook succeeded');
      return true;
    } catch (error) {
      const reason = `preBackup hook failed: ${error instanceof Error ? error.message : String(error)}`;
      await this.events.targetCondition(session, ref, 'PreBackupHookExecutionSucceeded', false, 'FailedToExecutePreBackupHook', reason);
      await this.events.hostFailed(session, ref, JOB_MODEL_HOST, reason);
      return false;
    }
  }

  private async postHook(session: ObjectIdentity, member: BackupMember, ref: TargetRef, succeeded: boolean): Promise<void> {
    const hook = member.hooks?.postBackup;
    if (!hook || !postHookApplies(hook, succeeded)) return;
    try {
      await runHook(hook);
      await this.events.targetCondition(session, ref, 'PostBackupHookExecutionSucceeded', true, 'SuccessfullyExecutedPostBackupHook', 'postBackup hook succeeded');
    } catch (error) {
      const reason = `postBackup hook failed: ${error instanceof Error ? error.message : String(error)}`;
      await this.events.targetCondition(session, ref, 'PostBackupHookExecutionSucceeded', false, 'FailedToExecutePostBackupHook', reason);
    }
  }
}

function secondsUntil(deadline: string | undefined): number | undefined {
  return deadline ? Math.max(1, Math.ceil((Date.parse(deadline) - Date.now()) / 1000)) : undefined;
}
