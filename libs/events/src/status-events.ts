import { ConditionSchema, HostBackupStatsSchema, TargetRefSchema } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdentitySchema } from './object-identity.js';

const MemberConditionsSchema = Type.Object({ target: TargetRefSchema, conditions: Type.Array(ConditionSchema) });

/** The scheduler's verdict on a BackupBatch generation. */
export const BatchValidatedSchema = Type.Object({
  type: Type.Literal('batch-validated'),
  batch: ObjectIdentitySchema,
  generation: Type.Integer(),
  conditions: Type.Array(ConditionSchema),
  memberConditions: Type.Array(MemberConditionsSchema),
});

/** The Kubernetes object a member condition is about (the workload the injector changed), for an Event on it. */
export const InvolvedObjectSchema = Type.Object({
  apiVersion: Type.String(),
  kind: Type.String(),
  namespace: Type.String(),
  name: Type.String(),
  uid: Type.Optional(Type.String()),
});
export type InvolvedObject = Static<typeof InvolvedObjectSchema>;

/**
 * One condition of one batch member from a service other than the scheduler (the injector's
 * StashSidecarInjected). Merged by type into `status.memberConditions[target]`; `generation` is the
 * batch generation it was judged for. With `workload`, the status service also records an Event there.
 */
export const MemberConditionSchema = Type.Object({
  type: Type.Literal('member-condition'),
  batch: ObjectIdentitySchema,
  generation: Type.Integer(),
  target: TargetRefSchema,
  condition: ConditionSchema,
  workload: Type.Optional(InvolvedObjectSchema),
});

/** Everything published on SUBJECTS.batchStatus. */
export const BackupBatchEventSchema = Type.Union([BatchValidatedSchema, MemberConditionSchema]);

export const SessionSkippedSchema = Type.Object({
  type: Type.Literal('session-skipped'),
  session: ObjectIdentitySchema,
  at: Type.String(),
  reason: Type.String(),
});

export const SessionStartedSchema = Type.Object({
  type: Type.Literal('session-started'),
  session: ObjectIdentitySchema,
  at: Type.String(),
  deadline: Type.Optional(Type.String()),
  targets: Type.Array(Type.Object({ ref: TargetRefSchema, totalHosts: Type.Integer({ minimum: 0 }) })),
});

export const SessionConditionSchema = Type.Object({
  type: Type.Literal('session-condition'),
  session: ObjectIdentitySchema,
  condition: ConditionSchema,
});

export const TargetConditionSchema = Type.Object({
  type: Type.Literal('target-condition'),
  session: ObjectIdentitySchema,
  target: TargetRefSchema,
  condition: ConditionSchema,
});

export const TargetStartedSchema = Type.Object({
  type: Type.Literal('target-started'),
  session: ObjectIdentitySchema,
  target: TargetRefSchema,
  totalHosts: Type.Integer({ minimum: 0 }),
});

/** A member repository's numbers after a host's backup and retention. */
export const MemberRepositoryStatsSchema = Type.Object({
  repository: Type.Object({ namespace: Type.String(), name: Type.String() }),
  /** The member's own restic repository, relative to the backend: `<kind>/<name>`. */
  path: Type.String(),
  totalSizeBytes: Type.Integer({ minimum: 0 }),
  snapshotCount: Type.Integer({ minimum: 0 }),
  snapshotsRemoved: Type.Integer({ minimum: 0 }),
  integrity: Type.Optional(Type.Boolean()),
});
export type MemberRepositoryStats = Static<typeof MemberRepositoryStatsSchema>;

export const HostResultSchema = Type.Object({
  type: Type.Literal('host-result'),
  session: ObjectIdentitySchema,
  target: TargetRefSchema,
  result: HostBackupStatsSchema,
  finishedAt: Type.String(),
  repository: Type.Optional(MemberRepositoryStatsSchema),
});

export const SessionFinishedSchema = Type.Object({
  type: Type.Literal('session-finished'),
  session: ObjectIdentitySchema,
  at: Type.String(),
  /** Why the session failed as a whole (hook, deadline), beyond its targets' results. */
  error: Type.Optional(Type.String()),
});

export const BackupSessionEventSchema = Type.Union([
  SessionSkippedSchema,
  SessionStartedSchema,
  SessionConditionSchema,
  TargetConditionSchema,
  TargetStartedSchema,
  HostResultSchema,
  SessionFinishedSchema,
]);

export type BatchValidated = Static<typeof BatchValidatedSchema>;
export type MemberCondition = Static<typeof MemberConditionSchema>;
export type BackupBatchEvent = Static<typeof BackupBatchEventSchema>;
export type SessionSkipped = Static<typeof SessionSkippedSchema>;
export type SessionStarted = Static<typeof SessionStartedSchema>;
export type SessionCondition = Static<typeof SessionConditionSchema>;
export type TargetCondition = Static<typeof TargetConditionSchema>;
export type TargetStarted = Static<typeof TargetStartedSchema>;
export type HostResult = Static<typeof HostResultSchema>;
export type SessionFinished = Static<typeof SessionFinishedSchema>;
export type BackupSessionEvent = Static<typeof BackupSessionEventSchema>;
