import { workloadHostName, type RestoreRunSpec, type WorkloadRestoreSpec } from '@restash/events';
import type { RestoreInitSettings } from './restore-init-settings.js';

/**
 * Pure: the restore of this pod's host from its workload's spec. Refuses a spec written for another
 * RestoreBatch than the pod template names (a stale Secret) and a pod that cannot tell its host.
 */
export function hostRestoreRun(spec: WorkloadRestoreSpec, settings: RestoreInitSettings): RestoreRunSpec {
  const { kind, name } = spec.target;
  if (settings.restoreUid && settings.restoreUid !== spec.restore.uid) {
    throw new Error(`${settings.specFile} is for RestoreBatch ${spec.restore.name} (uid ${spec.restore.uid}), not uid ${settings.restoreUid} this pod was started for`);
  }
  const host = workloadHostName(kind, { name: settings.podName, nodeName: settings.nodeName });
  if (!host) throw new Error(`cannot tell which host pod ${settings.podName} of ${kind} ${name} restores (StatefulSet pods need an ordinal, DaemonSet pods NODE_NAME)`);
  return { ...spec, runId: `${spec.restore.uid}-${kind.toLowerCase()}-${name}-${host}`, host };
}
