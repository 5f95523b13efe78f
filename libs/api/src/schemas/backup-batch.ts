import { Type, type Static } from '@sinclair/typebox';
import { RESOURCES } from '../resource-types.js';
import { ConditionSchema } from './condition.js';
import { DriverSchema } from './driver.js';
import { DurationString } from './duration-string.js';
import { ExecutionOrderSchema } from './execution-order.js';
import { HandlerSchema, PostHookHandlerSchema } from './handler.js';
import { kubeObjectSchema, type KubeObject } from './kube-object.js';
import { ObjectRefSchema } from './object-ref.js';
import { RetentionPolicySchema } from './retention-policy.js';
import { RuntimeSettingsSchema } from './runtime-settings.js';
import { TargetRefSchema } from './target-ref.js';
import { TaskRefSchema } from './task-ref.js';
import { TempDirSchema } from './temp-dir.js';
import { VolumeClaimTemplateSchema } from './volume-claim-template.js';
import { VolumeMountSchema } from './volume-mount.js';

export const BackupHooksSchema = Type.Object({
  preBackup: Type.Optional(HandlerSchema),
  postBackup: Type.Optional(PostHookHandlerSchema),
});
export type BackupHooks = Static<typeof BackupHooksSchema>;

export const BackupTargetSchema = Type.Object({
  alias: Type.Optional(Type.String({ description: 'Name of the member, used by dependsOn.' })),
  ref: TargetRefSchema,
  paths: Type.Optional(Type.Array(Type.String())),
  exclude: Type.Optional(Type.Array(Type.String())),
  volumeMounts: Type.Optional(Type.Array(VolumeMountSchema)),
  replicas: Type.Optional(Type.Integer({ format: 'int32', minimum: 0 })),
  args: Type.Optional(Type.Array(Type.String())),
  snapshotClassName: Type.Optional(Type.String()),
});
export type BackupTarget = Static<typeof BackupTargetSchema>;

export const BackupMemberSchema = Type.Object({
  target: BackupTargetSchema,
  task: Type.Optional(TaskRefSchema),
  hooks: Type.Optional(BackupHooksSchema),
  runtimeSettings: Type.Optional(RuntimeSettingsSchema),
  tempDir: Type.Optional(TempDirSchema),
  interimVolumeTemplate: Type.Optional(VolumeClaimTemplateSchema),
  dependsOn: Type.Optional(
    Type.Array(Type.String(), { description: 'restash extension: aliases of members that must succeed first.' }),
  ),
});
export type BackupMember = Static<typeof BackupMemberSchema>;

export const BackupBatchSpecSchema = Type.Object({
  repository: Type.Optional(ObjectRefSchema),
  schedule: Type.Optional(Type.String({ description: 'Cron schedule (5 fields) or a descriptor such as @hourly.' })),
  paused: Type.Optional(Type.Boolean()),
  backupHistoryLimit: Type.Optional(Type.Integer({ format: 'int32', minimum: 0, default: 1 })),
  executionOrder: Type.Optional(ExecutionOrderSchema),
  timeOut: Type.Optional(DurationString()),
  driver: Type.Optional(DriverSchema),
  hooks: Type.Optional(BackupHooksSchema),
  retentionPolicy: RetentionPolicySchema,
  runtimeSettings: Type.Optional(RuntimeSettingsSchema),
  members: Type.Optional(Type.Array(BackupMemberSchema)),
});
export type BackupBatchSpec = Static<typeof BackupBatchSpecSchema>;

export const MemberConditionsSchema = Type.Object({
  target: TargetRefSchema,
  conditions: Type.Optional(Type.Array(ConditionSchema)),
});
export type MemberConditions = Static<typeof MemberConditionsSchema>;

export const BackupBatchStatusSchema = Type.Object({
  observedGeneration: Type.Optional(Type.Integer({ format: 'int64' })),
  conditions: Type.Optional(Type.Array(ConditionSchema)),
  memberConditions: Type.Optional(Type.Array(MemberConditionsSchema)),
});
export type BackupBatchStatus = Static<typeof BackupBatchStatusSchema>;

export const BackupBatchSchema = kubeObjectSchema(RESOURCES.backupBatch, BackupBatchSpecSchema, BackupBatchStatusSchema);
export type BackupBatch = KubeObject<BackupBatchSpec, BackupBatchStatus>;
