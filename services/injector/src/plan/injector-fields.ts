import type { KubernetesObject } from '@kubernetes/client-node';
import { apiVersionOf, type Workload, type WorkloadRef } from '../workloads/workload.js';

/** The server-side-apply field manager owning exactly what the injector adds to a workload. */
export const FIELD_MANAGER = 'restash-injector';
/** The field manager of the `stash-init` container: apart from the sidecar's, so each comes and goes on its own. */
export const INIT_FIELD_MANAGER = 'restash-injector-init';

/** Pure: whether the workload still holds fields the injector applied with this field manager (its sidecar or init container, their volumes). */
export function carriesInjectedFields(workload: Workload, manager = FIELD_MANAGER): boolean {
  return (workload.metadata?.managedFields ?? []).some(
    (entry) => entry.manager === manager && entry.operation === 'Apply' && JSON.stringify(entry.fieldsV1 ?? {}).includes('"f:spec"'),
  );
}

/**
 * Pure: the apply configuration that owns nothing. Applied with the injector's field manager, the
 * API server removes every field only the injector owned (the sidecar, its volumes) and leaves the
 * fields of every other manager (the user's) as they are.
 */
export function removalApplyObject(ref: WorkloadRef): KubernetesObject {
  return { apiVersion: apiVersionOf(ref.kind), kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } };
}
