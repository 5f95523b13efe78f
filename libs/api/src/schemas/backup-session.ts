import { Type, type Static } from '@sinclair/typebox';
import { RESOURCES } from '../resource-types.js';
import { ConditionSchema } from './condition.js';
import { DateTime } from './date-time.js';
import { kubeObjectSchema, type KubeObject } from './kube-object.js';
import { StringEnum } from './string-enum.js';
import { TargetRefSchema } from './target-ref.js';

export const BackupInvokerRefSchema = Type.Object({
  apiGroup: Type.Optional(Type.String()),
  kind: Type.String(),
  name: Type.String(),
});
export type BackupInvokerRef = Static<typeof BackupInvokerRefSchema>;

export const BackupSessionSpecSchema = Type.Object({
  invoker: BackupInvokerRefSchema,
});
export type BackupSessionSpec = Static<typeof BackupSessionSpecSchema>;

export const SESSION_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Skipped', 'Unknown'] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];

export const TARGET_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;
export type TargetPhase = (typeof TARGET_PHASES)[number];

export const HOST_BACKUP_PHASES = ['Succeeded', 'Failed'] as const;
export type HostBackupPhase = (typeof HOST_BACKUP_PHASES)[number];

export const FileStatsSchema = Type.Object({
  totalFiles: Type.Optional(Type.Integer({ format: 'int64' })),
  newFiles: Type.Optional(Type.Integer({ format: 'int64' })),
  modifiedFiles: Type.Optional(Type.Integer({ format: 'int64' })),
  unmodifiedFiles: Type.Optional(Type.Integer({ format: 'int64' })),
});
export type FileStats = Static<typeof FileStatsSchema>;

export const SnapshotStatsSchema = Type.Object({
  name: Type.String({ description: 'Short snapshot id.' }),
  path: Type.Optional(Type.String()),
  totalSize: Type.Optional(Type.String()),
  uploaded: Type.Optional(Type.String()),
  processingTime: Type.Optional(Type.String()),
  fileStats: Type.Optional(FileStatsSchema),
});
export type SnapshotStats = Static<typeof SnapshotStatsSchema>;

export const HostBackupStatsSchema = Type.Object({
  hostname: Type.String(),
  phase: Type.Optional(StringEnum(HOST_BACKUP_PHASES)),
  duration: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
  snapshots: Type.Optional(Type.Array(SnapshotStatsSchema)),
});
export type HostBackupStats = Static<typeof HostBackupStatsSchema>;

export const BackupTargetStatusSchema = Type.Object({
  ref: TargetRefSchema,
  totalHosts: Type.Optional(Type.Integer({ format: 'int32' })),
  phase: Type.Optional(StringEnum(TARGET_PHASES)),
  preBackupActions: Type.Optional(Type.Array(Type.String())),
  postBackupActions: Type.Optional(Type.Array(Type.String())),
  conditions: Type.Optional(Type.Array(ConditionSchema)),
  stats: Type.Optional(Type.Array(HostBackupStatsSchema)),
});
export type BackupTargetStatus = Static<typeof BackupTargetStatusSchema>;

export const BackupSessionStatusSchema = Type.Object({
  phase: Type.Optional(StringEnum(SESSION_PHASES)),
  sessionDuration: Type.Optional(Type.String({ description: 'Go-style duration, e.g. 1m30.5s.' })),
  sessionDeadline: Type.Optional(DateTime()),
  conditions: Type.Optional(Type.Array(ConditionSchema)),
  targets: Type.Optional(Type.Array(BackupTargetStatusSchema)),
});
export type BackupSessionStatus = Static<typeof BackupSessionStatusSchema>;

export const BackupSessionSchema = kubeObjectSchema(
  RESOURCES.backupSession,
  BackupSessionSpecSchema,
  BackupSessionStatusSchema,
);
export type BackupSession = KubeObject<BackupSessionSpec, BackupSessionStatus>;
