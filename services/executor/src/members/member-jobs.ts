import type { V1Job, V1Secret } from '@kubernetes/client-node';
import { Inject, Injectable } from '@nestjs/common';
import { isAlreadyExists, isNotFound, KubeClient, KubeWriteMetrics } from '@restash/kube';
import { EXECUTOR_SETTINGS, type ExecutorSettings } from '../executor-settings.js';
import { jobOutcome, podOutcome, type JobOutcome } from './job-outcome.js';
import { memberJobManifest, runSpecSecretManifest, type MemberJobInput } from './member-job-manifest.js';
import { secondsUntil } from './member-job-name.js';
import { RunnerPodWatch } from './runner-pod-watch.js';

/** A runner Job to run: its manifest's parts, the spec it gets (resolved when it runs), how long it may take and what it does. */
export interface RunnerJob {
  job: Omit<MemberJobInput, 'localBackend' | 'activeDeadlineSeconds' | 'natsAccess'>;
  resolve: () => Promise<{ spec: object; localBackend: MemberJobInput['localBackend'] }>;
  deadline: string | undefined;
  pollMs: number;
  /** What the Job does, for messages: "the backup", "the restore". */
  what: string;
}

/** How a runner Job's start is reported: it could not be created (the reason), or it was. */
export interface RunnerJobSteps {
  notCreated(reason: string): Promise<void>;
  created(name: string): Promise<void>;
}

/** Creates member Jobs (idempotently) and reads their outcome from the API server. */
@Injectable()
export class MemberJobs {
  constructor(
    private readonly kube: KubeClient,
    private readonly writes: KubeWriteMetrics,
    private readonly runnerPods: RunnerPodWatch,
    @Inject(EXECUTOR_SETTINGS) private readonly settings: ExecutorSettings,
  ) {}

  /**
   * Resolves the run's spec, creates its Secret and Job (unless they exist: a resumed run finds them),
   * and follows the Job to its end. A run that cannot be configured or created is failed with the reason.
   */
  async run({ job, resolve, deadline, pollMs, what }: RunnerJob, steps: RunnerJobSteps): Promise<JobOutcome> {
    try {
      const { spec, localBackend } = await resolve();
      const natsAccess = this.settings.runnerNats;
      await this.ensure(runSpecSecretManifest(job.name, job.owner, spec, natsAccess), memberJobManifest({ ...job, localBackend, natsAccess, activeDeadlineSeconds: secondsUntil(deadline) }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await steps.notCreated(reason);
      return { state: 'failed', reason };
    }
    await steps.created(job.name);
    return this.follow(job.owner.object.namespace, job.name, deadline, pollMs, what);
  }

  /** Creates the spec Secret and the Job unless they exist (a resumed session finds them). */
  async ensure(secret: V1Secret, job: V1Job): Promise<void> {
    const namespace = job.metadata!.namespace!;
    await this.writes.count('secrets', this.kube.core.createNamespacedSecret({ namespace, body: secret }), CREATE).catch(ignoreAlreadyExists);
    await this.writes.count('jobs', this.kube.batch.createNamespacedJob({ namespace, body: job }), CREATE).catch(ignoreAlreadyExists);
  }

  /** The runner pod tells first (the job controller marks the Job a second or more later); the Job when no pod does. */
  async outcome(namespace: string, name: string): Promise<JobOutcome> {
    const pods = (await this.kube.core.listNamespacedPod({ namespace, labelSelector: `job-name=${name}` })).items;
    const fromPod = podOutcome(pods);
    if (fromPod) return fromPod;
    return jobOutcome(await this.kube.batch.readNamespacedJobStatus({ namespace, name }), pods);
  }

  /**
   * Reads the Job's outcome when its pod changes (RunnerPodWatch), at the latest every `pollMs`, until
   * it ended; past `deadline` the Job is deleted and the run failed with the reason (`what` names the
   * work, e.g. "the backup").
   */
  async follow(namespace: string, name: string, deadline: string | undefined, pollMs: number, what: string): Promise<JobOutcome> {
    for (;;) {
      // Armed before the read, so a change while reading is not missed.
      const changed = this.runnerPods.nextChange(namespace, name, pollMs);
      const outcome = await this.outcome(namespace, name);
      if (outcome.state !== 'running') return outcome;
      if (deadline && Date.now() > Date.parse(deadline)) {
        await this.delete(namespace, name);
        return { state: 'failed', reason: `${what} did not finish before the deadline ${deadline} (spec.timeOut)` };
      }
      await changed;
    }
  }

  /** Stops a Job that overran its deadline; its pod goes with it. */
  async delete(namespace: string, name: string): Promise<void> {
    await this.writes.count('jobs', this.kube.batch.deleteNamespacedJob({ namespace, name, propagationPolicy: 'Background' }), CREATE).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}

const CREATE = { createOrDelete: true };

function ignoreAlreadyExists(error: unknown): void {
  if (!isAlreadyExists(error)) throw error;
}
