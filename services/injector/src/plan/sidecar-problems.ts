import type { BackupMember } from '@restash/api';
import { AGENT_REPOSITORY_DIR } from '@restash/events';
import type { Workload } from '../workloads/workload.js';
import { FIELD_MANAGER } from './injector-fields.js';
import { BACKEND_VOLUME, REPOSITORY_VOLUME, SIDECAR_NAME, TMP_VOLUME } from './sidecar-template.js';

const RESERVED_VOLUMES = new Set([TMP_VOLUME, REPOSITORY_VOLUME, BACKEND_VOLUME]);
const RESERVED_PATHS = new Set(['/tmp', AGENT_REPOSITORY_DIR]);

/**
 * Pure: why the member's sidecar cannot go into this workload as it is, or undefined. Checked before
 * applying so the condition names the member's mistake instead of the API server's validation error.
 */
export function sidecarProblem(member: BackupMember, workload: Workload): string | undefined {
  const spec = workload.spec?.template?.spec;
  if (spec?.containers?.some((c) => c.name === SIDECAR_NAME) && !hasOnlyOurSidecar(workload)) {
    return `the pod template already has a container named "${SIDECAR_NAME}" that restash did not add`;
  }
  const known = new Set([
    ...(spec?.volumes ?? []).map((v) => v.name),
    ...(workload.spec?.volumeClaimTemplates ?? []).flatMap((t) => t.metadata?.name ?? []),
  ]);
  for (const mount of member.target.volumeMounts ?? []) {
    if (RESERVED_VOLUMES.has(mount.name)) return `volumeMount "${mount.name}" uses a volume name restash reserves for the sidecar`;
    if (RESERVED_PATHS.has(mount.mountPath)) return `volumeMount "${mount.name}" at ${mount.mountPath} is where the sidecar keeps its own files`;
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
