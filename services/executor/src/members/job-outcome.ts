import type { V1Job, V1Pod } from '@kubernetes/client-node';

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

function failureReason(reason: string | undefined, message: string | undefined, pods: V1Pod[]): string {
  const terminated = pods.flatMap((pod) => pod.status?.containerStatuses ?? []).map((status) => status.state?.terminated).find(Boolean);
  if (reason === 'DeadlineExceeded') return `the runner did not finish in time (${message ?? 'deadline exceeded'})`;
  if (terminated) {
    const detail = terminated.message?.trim() ? `: ${terminated.message.trim()}` : '';
    return `the runner pod exited with code ${terminated.exitCode} (${terminated.reason ?? 'Error'}) without reporting a result${detail}`;
  }
  return `the runner Job failed (${reason ?? 'unknown reason'}${message ? `: ${message}` : ''}) without reporting a result`;
}
