import { APPCATALOG_GROUP, RESOURCES, type ObjectRef, type TargetKind, type TargetRef } from '@restash/api';

export interface ObjectAddress {
  namespace: string;
  name: string;
}

/** What refers to a Repository and to targets: a BackupBatch or a RestoreBatch. */
export interface BatchLike {
  metadata: { namespace?: string };
  spec?: { repository?: ObjectRef; members?: Array<{ target: { ref: TargetRef } }> };
}

/** The Repository a batch backs up to or restores from (its own namespace unless the reference names another). */
export function repositoryRef(batch: BatchLike): ObjectAddress | undefined {
  const ref = batch.spec?.repository;
  if (!ref?.name) return undefined;
  return { namespace: ref.namespace || batch.metadata.namespace!, name: ref.name };
}

/** A target of a supported kind, with the API version to read it by. */
export interface TargetAddress extends ObjectAddress {
  kind: TargetKind;
  apiVersion: string;
}

const API_VERSIONS: Record<Exclude<TargetKind, 'AppBinding'>, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  ReplicationController: 'v1',
  PersistentVolumeClaim: 'v1',
};

/**
 * Where a member's target lives. Workloads are read at their one served version whatever the
 * manifest says; an AppBinding keeps the ref's version only when the ref names its group (manifests
 * in the wild write `apps/v1` for it).
 */
export function targetAddress(ref: TargetRef & { kind: TargetKind }, batchNamespace: string): TargetAddress {
  const address = { kind: ref.kind, namespace: ref.namespace || batchNamespace, name: ref.name };
  if (ref.kind !== 'AppBinding') return { ...address, apiVersion: API_VERSIONS[ref.kind] };
  const version = ref.apiVersion.startsWith(`${APPCATALOG_GROUP}/`) ? ref.apiVersion : RESOURCES.appBinding.apiVersion;
  return { ...address, apiVersion: version };
}
