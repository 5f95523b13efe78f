import { Type, type Static } from '@sinclair/typebox';
import { RESOURCES } from '../resource-types.js';
import { ConditionSchema } from './condition.js';
import { DriverSchema } from './driver.js';
import { DurationString } from './duration-string.js';
import { ExecutionOrderSchema } from './execution-order.js';
import { HandlerSchema, PostHookHandlerSchema } from './handler.js';
import { kubeObjectSchema, type KubeObject } from './kube-object.js';
import { ObjectRefSchema } from './object-ref.js';
import { RuntimeSettingsSchema } from './runtime-settings.js';
import { StringEnum } from './string-enum.js';
import { TargetRefSchema } from './target-ref.js';
import { TaskRefSchema } from './task-ref.js';
import { TempDirSchema } from './temp-dir.js';
import { VolumeClaimTemplateSchema } from './volume-claim-template.js';
import { VolumeMountSchema } from './volume-mount.js';

export const RestoreHooksSchema = Type.Object({
  preRestore: Type.Optional(HandlerSchema),
  postRestore: Type.Optional(PostHookHandlerSchema),
});
export type RestoreHooks = Static<typeof RestoreHooksSchema>;

/** Which snapshots to restore for which hosts. */
export const RestoreRuleSchema = Type.Object({
  targetHosts: Type.Optional(Type.Array(Type.String())),
  sourceHost: Type.Optional(Type.String()),
  snapshots: Type.Optional(Type.Array(Type.String(), { description: 'Snapshot ids, or "latest".' })),
  paths: Type.Optional(Type.Array(Type.String())),
  include: Type.Optional(Type.Array(Type.String())),
  exclude: Type.Optional(Type.Array(Type.String())),
});
export type RestoreRule = Static<typeof RestoreRuleSchema>;

export const RestoreTargetSchema = Type.Object({
  alias: Type.Optional(Type.String()),
  ref: TargetRefSchema,
  volumeMounts: Type.Optional(Type.Array(VolumeMountSchema)),
  replicas: Type.Optional(Type.Integer({ format: 'int32', minimum: 0 })),
  args: Type.Optional(Type.Array(Type.String())),
  volumeClaimTemplates: Type.Optional(Type.Array(VolumeClaimTemplateSchema)),
  rules: Type.Optional(Type.Array(RestoreRuleSchema)),
  snapshotClassName: Type.Optional(Type.String()),
});
export type RestoreTarget = Static<typeof RestoreTargetSchema>;

export const RestoreMemberSchema = Type.Object({
  target: RestoreTargetSchema,
  task: Type.Optional(TaskRefSchema),
  hooks: Type.Optional(RestoreHooksSchema),
  runtimeSettings: Type.Optional(RuntimeSettingsSchema),
  tempDir: Type.Optional(TempDirSchema),
  interimVolumeTemplate: Type.Optional(VolumeClaimTemplateSchema),
});
export type RestoreMember = Static<typeof RestoreMemberSchema>;

export const RestoreBatchSpecSchema = Type.Object({
  repository: Type.Optional(ObjectRefSchema),
  executionOrder: Type.Optional(ExecutionOrderSchema),
  timeOut: Type.Optional(DurationString()),
  driver: Type.Optional(DriverSchema),
  hooks: Type.Optional(RestoreHooksSchema),
  members: Type.Optional(Type.Array(RestoreMemberSchema)),
});
export type RestoreBatchSpec = Static<typeof RestoreBatchSpecSchema>;

export const RESTORE_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', 'Invalid'] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];

export const RESTORE_MEMBER_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;
export type RestoreMemberPhase = (typeof RESTORE_MEMBER_PHASES)[number];

export const HOST_RESTORE_PHASES = ['Succeeded', 'Failed', 'Running', 'Unknown'] as const;
export type HostRestorePhase = (typeof HOST_RESTORE_PHASES)[number];

export const HostRestoreStatsSchema = Type.Object({
  hostname: Type.String(),
  phase: Type.Optional(StringEnum(HOST_RESTORE_PHASES)),
  duration: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
});
export type HostRestoreStats = Static<typeof HostRestoreStatsSchema>;

export const RestoreMemberStatusSchema = Type.Object({
  ref: TargetRefSchema,
  phase: Type.Optional(StringEnum(RESTORE_MEMBER_PHASES)),
  totalHosts: Type.Optional(Type.Integer({ format: 'int32' })),
  conditions: Type.Optional(Type.Array(ConditionSchema)),
  stats: Type.Optional(Type.Array(HostRestoreStatsSchema)),
});
export type RestoreMemberStatus = Static<typeof RestoreMemberStatusSchema>;

export const RestoreBatchStatusSchema = Type.Object({
  phase: Type.Optional(StringEnum(RESTORE_PHASES)),
  sessionDuration: Type.Optional(Type.String({ description: 'Go-style duration, e.g. 1m30.5s.' })),
  conditions: Type.Optional(Type.Array(ConditionSchema)),
  members: Type.Optional(Type.Array(RestoreMemberStatusSchema)),
});
export type RestoreBatchStatus = Static<typeof RestoreBatchStatusSchema>;

export const RestoreBatchSchema = kubeObjectSchema(
  RESOURCES.restoreBatch,
  RestoreBatchSpecSchema,
  RestoreBatchStatusSchema,
);
export type RestoreBatch = KubeObject<RestoreBatchSpec, RestoreBatchStatus>;
