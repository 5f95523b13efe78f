import { createHash } from 'node:crypto';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Workload } from '../workloads/workload.js';

/**
 * What this process last applied to each workload (by uid) and the generation that resulted, so a
 * workload event that changed nothing of ours (a status update, a scale) costs no API call. After a
 * restart it is empty: the first apply per workload is then a server-side no-op.
 */
export class AppliedSidecars {
  private readonly applied = new Map<string, { generation: number | undefined; digest: string }>();

  isCurrent(workload: Workload, desired: KubernetesObject): boolean {
    const entry = this.applied.get(workload.metadata?.uid ?? '');
    return entry !== undefined && entry.generation === workload.metadata?.generation && entry.digest === digest(desired);
  }

  remember(result: Workload, desired: KubernetesObject): void {
    this.applied.set(result.metadata?.uid ?? '', { generation: result.metadata?.generation, digest: digest(desired) });
  }

  forget(workload: Workload): void {
    this.applied.delete(workload.metadata?.uid ?? '');
  }
}

function digest(object: KubernetesObject): string {
  return createHash('sha256').update(JSON.stringify(object)).digest('hex');
}
