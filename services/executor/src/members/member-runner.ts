import { Inject, Injectable } from '@nestjs/common';
import type { BackupBatch } from '@restash/api';
import type { Logger } from '@restash/observability';
import { repositoryUserOf } from '@restash/repositories';
import { LOGGER } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { EXECUTOR_SETTINGS, type ExecutorSettings } from '../executor-settings.js';
import { MemberRunMetrics } from '../metrics/member-run-metrics.js';
import { RepositoryLock } from '../locks/repository-lock.js';
import { memberJobId, type BackupMemberJobData, type MemberJobResult } from '../queues/job-data.js';
import { SessionEvents } from '../session/session-events.js';
import { planMembers, type PlannedMember } from '../session/session-plan.js';
import type { JobOutcome } from './job-outcome.js';
import { runPostHook, runPreHook } from './member-hooks.js';
import { sessionOwner } from './member-job-manifest.js';
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
    private readonly metrics: MemberRunMetrics,
    private readonly repositoryLock: RepositoryLock,
  ) {}

  async run(data: BackupMemberJobData): Promise<MemberJobResult> {
    const batch = await this.objects.backupBatch(data.batch.namespace, data.batch.name);
    const planned = planMembers(batch.spec)[data.memberIndex];
    if (!planned) throw new Error(`BackupBatch ${data.batch.name} has no member ${data.memberIndex}`);
    const { ref } = planned.member.target;
    const labels = { operation: 'backup' as const, namespace: data.session.namespace, invoker: data.batch.name, kind: ref.kind };
    return this.repositoryLock.holding({ user: repositoryUserOf(batch), target: ref }, memberJobId(data), () => this.metrics.track(labels, () => this.runPlanned(data, batch, planned)));
  }

  private async runPlanned(data: BackupMemberJobData, batch: BackupBatch, planned: PlannedMember): Promise<MemberJobResult> {
    const { ref } = planned.member.target;
    const log = this.logger.child({ session: data.session.name, namespace: data.session.namespace, member: planned.key });
    if (planned.model === 'sidecar') return this.sidecars.run(data, batch, planned);
    if (planned.model !== 'job') {
      await this.events.hostFailed(data.session, ref, JOB_MODEL_HOST, `${ref.kind} is not a kind of target restash backs up`);
      return { outcome: 'Failed' };
    }
    const { hooks } = planned.member;
    const record = this.events.targetRecorder(data.session, ref);
    if (!(await runPreHook('preBackup', hooks?.preBackup, record, (reason) => this.events.hostFailed(data.session, ref, JOB_MODEL_HOST, reason)))) return { outcome: 'Failed' };
    const outcome = await this.backup(data, batch, planned, log);
    await runPostHook('postBackup', hooks?.postBackup, outcome.state === 'succeeded', record);
    return { outcome: outcome.state === 'succeeded' ? 'Succeeded' : 'Failed' };
  }

  private async backup(data: BackupMemberJobData, batch: BackupBatch, planned: PlannedMember, log: Logger): Promise<JobOutcome> {
    const { session } = data;
    const { ref } = planned.member.target;
    const name = memberJobName(session.name, planned.key);
    const { image, jobPollMs } = this.settings;
    const job = { name, owner: sessionOwner(session), command: 'job' as const, memberKey: planned.key, target: planned.member.target, image, runtimeSettings: planned.member.runtimeSettings };
    const outcome = await this.jobs.run({ job, resolve: () => this.resolver.resolve(session, batch, planned), deadline: data.deadline, pollMs: jobPollMs, what: 'the backup' }, {
      notCreated: (reason) => this.events.targetCondition(session, ref, 'BackupExecutorEnsured', false, 'BackupExecutorNotEnsured', reason),
      created: async () => {
        await this.events.targetCondition(session, ref, 'BackupExecutorEnsured', true, 'BackupExecutorEnsured', `Job ${name} runs the backup`);
        await this.events.publish({ type: 'target-started', session, target: ref, totalHosts: 1 });
        log.info({ job: name }, 'member Job running');
      },
    });
    // The runner reports its own result; this only lands when it could not (same message id).
    if (outcome.state === 'failed') await this.events.hostFailed(session, ref, JOB_MODEL_HOST, outcome.reason);
    log.info({ job: name, outcome: outcome.state }, 'member Job finished');
    return outcome;
  }
}
