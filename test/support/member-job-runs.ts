import type { V1Job, V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '@restash/kube';

/** When one member Job ran: from the Job's start to its runner container's end. */
export interface MemberJobRun {
  job: string;
  member: string;
  session: string;
  start: number;
  /** undefined while the runner runs. */
  end: number | undefined;
}

/**
 * The member Jobs matching `labelSelector`, with when each ran. The end is the runner container's (the
 * executor moves on then, a second or so before the job controller marks the Job), else the Job's failure
 * (its pod gone, e.g. deleted at a deadline).
 */
export async function memberJobRuns(kube: KubeClient, namespace: string, labelSelector: string): Promise<MemberJobRun[]> {
  const [jobs, pods] = await Promise.all([
    kube.batch.listNamespacedJob({ namespace, labelSelector }),
    kube.core.listNamespacedPod({ namespace, labelSelector }),
  ]);
  return jobs.items
    .filter((job) => job.status?.startTime)
    .map((job) => ({
      job: job.metadata!.name!,
      member: job.metadata!.labels!['restash.dev/member']!,
      session: job.metadata!.labels!['restash.dev/session'] ?? '',
      start: new Date(job.status!.startTime!).getTime(),
      end: runnerEnd(job, pods.items.filter((pod) => pod.metadata?.labels?.['job-name'] === job.metadata!.name)),
    }))
    .sort((a, b) => a.start - b.start);
}

function runnerEnd(job: V1Job, pods: V1Pod[]): number | undefined {
  const finishedAt = pods.flatMap((pod) => pod.status?.containerStatuses ?? []).map((status) => status.state?.terminated?.finishedAt).find(Boolean);
  const failedAt = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True')?.lastTransitionTime;
  const at = finishedAt ?? failedAt;
  return at ? new Date(at).getTime() : undefined;
}
