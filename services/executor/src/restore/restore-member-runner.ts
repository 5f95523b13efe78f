import { Inject, Injectable } from '@nestjs/common';
import type { RestoreBatch, RestoreMember } from '@restash/api';
import type { Logger } from '@restash/observability';
import { repositoryUserOf } from '@restash/repositories';
import { LOGGER } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { EXECUTOR_SETTINGS, type ExecutorSettings } from '../executor-settings.js';
import { MemberRunMetrics } from '../metrics/member-run-metrics.js';
import type { JobOutcome } from '../members/job-outcome.js';
import { runPostHook, runPreHook } from '../members/member-hooks.js';
import { restoreOwner } from '../members/member-job-manifest.js';
import { memberJobName } from '../members/member-job-name.js';
import { MemberJobs } from '../members/member-jobs.js';
import { JOB_MODEL_HOST, MemberRunResolver } from '../members/member-run-resolver.js';
import { RepositoryLock } from '../locks/repository-lock.js';
import { memberJobId, type MemberJobResult, type RestoreMemberJobData } from '../queues/job-data.js';
import { planMembers, type PlannedMember } from '../session/session-plan.js';
import { InitContainerRestore } from './init-container-restore.js';
import { RestoreEvents } from './restore-events.js';

/**
 * Restores one member of a RestoreBatch: its preRestore hook (a failure leaves its data alone), the
 * restore itself (for job-model members a Job running `restash restore-job` with the PVC mounted
 * read-write, followed to its end), its postRestore hook. Workload members go to the
 * InitContainerRestore (the injector's `stash-init` containers). Failures become Failed host results.
 */
@Injectable()
export class RestoreMemberRunner {
  constructor(
    private readonly objects: ClusterObjects,
    private readonly resolver: MemberRunResolver,
    private readonly jobs: MemberJobs,
    private readonly inits: InitContainerRestore,
    private readonly events: RestoreEvents,
    @Inject(EXECUTOR_SETTINGS) private readonly settings: ExecutorSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: MemberRunMetrics,
    private readonly repositoryLock: RepositoryLock,
  ) {}

  async run(data: RestoreMemberJobData): Promise<MemberJobResult> {
    const restore = await this.objects.restoreBatch(data.restore.namespace, data.restore.name);
    const planned = planMembers(restore.spec)[data.memberIndex];
    if (!planned) throw new Error(`RestoreBatch ${data.restore.name} has no member ${data.memberIndex}`);
    const { ref } = planned.member.target;
    const labels = { operation: 'restore' as const, namespace: data.restore.namespace, invoker: data.restore.name, kind: ref.kind };
    return this.repositoryLock.holding({ user: repositoryUserOf(restore), target: ref }, memberJobId(data), () => this.metrics.track(labels, () => this.runPlanned(data, restore, planned)));
  }

  private async runPlanned(data: RestoreMemberJobData, restore: RestoreBatch, planned: PlannedMember<RestoreMember>): Promise<MemberJobResult> {
    const { ref } = planned.member.target;
    if (planned.model === 'sidecar') return this.inits.run(data, planned);
    if (planned.model !== 'job') {
      await this.events.hostFailed(data.restore, ref, JOB_MODEL_HOST, `${ref.kind} is not a kind of target restash restores`);
      return { outcome: 'Failed' };
    }
    const { hooks } = planned.member;
    const record = this.events.memberRecorder(data.restore, ref);
    if (!(await runPreHook('preRestore', hooks?.preRestore, record, (reason) => this.events.hostFailed(data.restore, ref, JOB_MODEL_HOST, reason)))) return { outcome: 'Failed' };
    const outcome = await this.restore(data, restore, planned);
    await runPostHook('postRestore', hooks?.postRestore, outcome.state === 'succeeded', record);
    return { outcome: outcome.state === 'succeeded' ? 'Succeeded' : 'Failed' };
  }

  private async restore(data: RestoreMemberJobData, restore: RestoreBatch, planned: PlannedMember<RestoreMember>): Promise<JobOutcome> {
    const id = data.restore;
    const { ref } = planned.member.target;
    const log = this.logger.child({ restore: id.name, namespace: id.namespace, member: planned.key });
    const record = this.events.memberRecorder(id, ref);
    const name = memberJobName(id.name, planned.key);
    const { image, jobPollMs } = this.settings;
    const job = { name, owner: restoreOwner(id), command: 'restore-job' as const, memberKey: planned.key, target: planned.member.target, image, runtimeSettings: planned.member.runtimeSettings };
    const outcome = await this.jobs.run({ job, resolve: () => this.resolver.resolveRestore(restore, planned), deadline: data.deadline, pollMs: jobPollMs, what: 'the restore' }, {
      notCreated: (reason) => record('RestoreJobCreated', false, 'RestoreJobCreationFailed', reason),
      created: async () => {
        await record('RestoreJobCreated', true, 'RestoreJobCreated', `Job ${name} runs the restore`);
        await this.events.memberStarted(id, ref, 1);
        log.info({ job: name }, 'restore Job running');
      },
    });
    // The runner reports its own result; this only lands when it could not (same message id).
    if (outcome.state === 'failed') await this.events.hostFailed(id, ref, JOB_MODEL_HOST, outcome.reason);
    log.info({ job: name, outcome: outcome.state }, 'restore Job finished');
    return outcome;
  }
}
