import type { V1ContainerStateTerminated, V1Job, V1Pod } from '@kubernetes/client-node';

export type JobOutcome = { state: 'running' } | { state: 'succeeded' } | { state: 'failed'; reason: string };

/** Pure: what a Job's status says about the run, with the failed container's exit code and message. */
export function jobOutcome(job: V1Job, pods: V1Pod[]): JobOutcome {
  const conditions = job.status?.conditions ?? [];
  const isTrue = (type: string) => conditions.find((c) => c.type === type && c.status === 'True');
  if (isTrue('Complete') || (job.status?.succeeded ?? 0) > 0) return { state: 'succeeded' };
  const failed = isTrue('Failed');
  if (!failed) return { state: 'running' };
  return { state: 'failed', reason: failureReason(failed.reason, failed.message, pods) };
}

/**
 * Pure: what the runner pod of a Job (restartPolicy Never, no retries) says, a second or more before
 * the job controller does: its container ended (exit 0 means it reported success), or it still runs.
 * Undefined when no pod tells (not created yet, or gone): then the Job's own status decides.
 */
export function podOutcome(pods: V1Pod[]): JobOutcome | undefined {
  const live = pods.filter((pod) => !pod.metadata?.deletionTimestamp);
  const terminated = terminatedRunner(live);
  if (terminated) return terminated.exitCode === 0 ? { state: 'succeeded' } : { state: 'failed', reason: exitReason(terminated) };
  return live.some((pod) => pod.status?.phase === 'Running' || pod.status?.phase === 'Pending') ? { state: 'running' } : undefined;
}

function terminatedRunner(pods: V1Pod[]): V1ContainerStateTerminated | undefined {
  return pods.flatMap((pod) => pod.status?.containerStatuses ?? []).map((status) => status.state?.terminated).find(Boolean);
}

function failureReason(reason: string | undefined, message: string | undefined, pods: V1Pod[]): string {
  const terminated = terminatedRunner(pods);
  if (reason === 'DeadlineExceeded') return `the runner did not finish in time (${message ?? 'deadline exceeded'})`;
  if (terminated) return exitReason(terminated);
  return `the runner Job failed (${reason ?? 'unknown reason'}${message ? `: ${message}` : ''}) without reporting a result`;
}

function exitReason(terminated: V1ContainerStateTerminated): string {
  const detail = terminated.message?.trim() ? `: ${terminated.message.trim()}` : '';
  return `the runner pod exited with code ${terminated.exitCode} (${terminated.reason ?? 'Error'}) without reporting a result${detail}`;
}
