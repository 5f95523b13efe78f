import type { V1Job, V1Secret } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import { isAlreadyExists, isNotFound, KubeClient } from '@restash/kube';
import { jobOutcome, type JobOutcome } from './job-outcome.js';

/** Creates member Jobs (idempotently) and reads their outcome from the API server. */
@Injectable()
export class MemberJobs {
  constructor(private readonly kube: KubeClient) {}

  /** Creates the spec Secret and the Job unless they exist (a resumed session finds them). */
  async ensure(secret: V1Secret, job: V1Job): Promise<void> {
    const namespace = job.metadata!.namespace!;
    await this.kube.core.createNamespacedSecret({ namespace, body: secret }).catch(ignoreAlreadyExists);
    await this.kube.batch.createNamespacedJob({ namespace, body: job }).catch(ignoreAlreadyExists);
  }

  async outcome(namespace: string, name: string): Promise<JobOutcome> {
    const job = await this.kube.batch.readNamespacedJobStatus({ namespace, name });
    const outcome = jobOutcome(job, []);
    if (outcome.state !== 'failed') return outcome;
    const pods = await this.kube.core.listNamespacedPod({ namespace, labelSelector: `job-name=${name}` });
    return jobOutcome(job, pods.items);
  }

  /** Stops a Job that overran its deadline; its pod goes with it. */
  async delete(namespace: string, name: string): Promise<void> {
    await this.kube.batch.deleteNamespacedJob({ namespace, name, propagationPolicy: 'Background' }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}

function ignoreAlreadyExists(error: unknown): void {
  if (!isAlreadyExists(error)) throw error;
}
