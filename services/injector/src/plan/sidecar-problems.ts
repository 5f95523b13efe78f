import type { BackupMember, VolumeMount } from '@restash/api';
import { AGENT_REPOSITORY_DIR } from '@restash/events';
import type { Workload } from '../workloads/workload.js';
import { FIELD_MANAGER } from './injector-fields.js';
import { BACKEND_VOLUME, REPOSITORY_VOLUME, SIDECAR_NAME, TMP_VOLUME } from './sidecar-template.js';

/** The volume names and mount paths an injected container keeps for its own files. */
export interface Reserved {
  volumes: ReadonlySet<string>;
  paths: ReadonlySet<string>;
}

const SIDECAR_RESERVED: Reserved = { volumes: new Set([TMP_VOLUME, REPOSITORY_VOLUME, BACKEND_VOLUME]), paths: new Set(['/tmp', AGENT_REPOSITORY_DIR]) };

/**
 * Pure: why the member's sidecar cannot go into this workload as it is, or undefined. Checked before
 * applying so the condition names the member's mistake instead of the API server's validation error.
 */
export function sidecarProblem(member: BackupMember, workload: Workload): string | undefined {
  const spec = workload.spec?.template?.spec;
  if (spec?.containers?.some((c) => c.name === SIDECAR_NAME) && !hasOnlyOurSidecar(workload)) {
    return `the pod template already has a container named "${SIDECAR_NAME}" that restash did not add`;
  }
  return mountProblem(member.target.volumeMounts ?? [], workload, SIDECAR_RESERVED, 'sidecar');
}

/** Pure: why a member's volumeMounts cannot be mounted into an injected container (`what`) in this workload, or undefined. */
export function mountProblem(mounts: readonly VolumeMount[], workload: Workload, reserved: Reserved, what: string): string | undefined {
  const spec = workload.spec?.template?.spec;
  const known = new Set([
    ...(spec?.volumes ?? []).map((v) => v.name),
    ...(workload.spec?.volumeClaimTemplates ?? []).flatMap((t) => t.metadata?.name ?? []),
  ]);
  for (const mount of mounts) {
    if (reserved.volumes.has(mount.name)) return `volumeMount "${mount.name}" uses a volume name restash reserves for the ${what}`;
    if (reserved.paths.has(mount.mountPath)) return `volumeMount "${mount.name}" at ${mount.mountPath} is where the ${what} keeps its own files`;
    if (!known.has(mount.name)) return `volumeMount "${mount.name}" names no volume of the pod template (volumes: ${[...known].join(', ') || 'none'})`;
  }
  return undefined;
}

/** The injector's own `stash` container is there already (from an earlier apply): not a conflict. */
function hasOnlyOurSidecar(workload: Workload): boolean {
  const entries = workload.metadata?.managedFields ?? [];
  const containerKey = `"k:{\\"name\\":\\"${SIDECAR_NAME}\\"}"`;
  return entries.some((entry) => entry.manager === FIELD_MANAGER && JSON.stringify(entry.fieldsV1 ?? {}).includes(containerKey));
}
