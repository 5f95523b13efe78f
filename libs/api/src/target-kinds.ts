/** Workloads get the stash sidecar / init-container; volumes and databases get a Job. */
export type TargetModel = 'sidecar' | 'job';

const TARGET_MODELS = {
  Deployment: 'sidecar',
  StatefulSet: 'sidecar',
  DaemonSet: 'sidecar',
  ReplicaSet: 'sidecar',
  ReplicationController: 'sidecar',
  PersistentVolumeClaim: 'job',
  AppBinding: 'job',
} as const satisfies Record<string, TargetModel>;

export type TargetKind = keyof typeof TARGET_MODELS;

/** The target kinds restash backs up and restores; the CRD accepts any kind, validation reports others. */
export const SUPPORTED_TARGET_KINDS = Object.keys(TARGET_MODELS) as readonly TargetKind[];

export function isSupportedTargetKind(kind: string): kind is TargetKind {
  return Object.hasOwn(TARGET_MODELS, kind);
}

/** How a target of this kind is run, or undefined for an unsupported kind. */
export function targetModel(kind: string): TargetModel | undefined {
  return isSupportedTargetKind(kind) ? TARGET_MODELS[kind] : undefined;
}
