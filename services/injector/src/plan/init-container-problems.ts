import type { RestoreMember } from '@restash/api';
import { RESTORE_INIT_CONTAINER, RESTORE_SPEC_DIR } from '@restash/events';
import type { Workload } from '../workloads/workload.js';
import { INIT_FIELD_MANAGER } from './injector-fields.js';
import { INIT_VOLUMES } from './init-container-template.js';
import { mountProblem, type Reserved } from './sidecar-problems.js';

const INIT_RESERVED: Reserved = { volumes: new Set(Object.values(INIT_VOLUMES)), paths: new Set(['/tmp', RESTORE_SPEC_DIR]) };

/**
 * Pure: why the member's `stash-init` container cannot go into this workload as it is, or undefined:
 * no volumeMounts to restore into, one the pod template lacks or that collides with the container's
 * own, or an init container of that name restash did not add.
 */
export function initContainerProblem(member: RestoreMember, workload: Workload): string | undefined {
  const mounts = member.target.volumeMounts ?? [];
  if (mounts.length === 0) return 'the member names no volumeMounts to restore into';
  const named = (workload.spec?.template?.spec?.initContainers ?? []).some((c) => c.name === RESTORE_INIT_CONTAINER);
  if (named && !ownsInitContainer(workload)) return `the pod template already has an init container named "${RESTORE_INIT_CONTAINER}" that restash did not add`;
  return mountProblem(mounts, workload, INIT_RESERVED, `${RESTORE_INIT_CONTAINER} container`);
}

function ownsInitContainer(workload: Workload): boolean {
  const key = `"k:{\\"name\\":\\"${RESTORE_INIT_CONTAINER}\\"}"`;
  return (workload.metadata?.managedFields ?? []).some((entry) => entry.manager === INIT_FIELD_MANAGER && JSON.stringify(entry.fieldsV1 ?? {}).includes(key));
}
