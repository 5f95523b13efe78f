import { ConditionSchema, HOST_BACKUP_PHASES, StringEnum, TargetRefSchema } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdentitySchema } from './object-identity.js';
import { InvolvedObjectSchema } from './status-events.js';

/** The executor began a RestoreBatch: its members in order, with how many hosts each restores. */
export const RestoreStartedSchema = Type.Object({
  type: Type.Literal('restore-started'),
  restore: ObjectIdentitySchema,
  at: Type.String(),
  deadline: Type.Optional(Type.String()),
  members: Type.Array(Type.Object({ ref: TargetRefSchema, totalHosts: Type.Integer({ minimum: 0 }) })),
});

/** A condition of the RestoreBatch as a whole (validation, global hooks). */
export const RestoreConditionSchema = Type.Object({
  type: Type.Literal('restore-condition'),
  restore: ObjectIdentitySchema,
  condition: ConditionSchema,
});

/** A condition of one member (target found, Job created, init container injected, hooks); with `workload`, an Event there too. */
export const RestoreMemberConditionSchema = Type.Object({
  type: Type.Literal('member-condition'),
  restore: ObjectIdentitySchema,
  target: TargetRefSchema,
  condition: ConditionSchema,
  workload: Type.Optional(InvolvedObjectSchema),
});

/** A member's restore began (its preRestore hook passed): the injector adds its init container from now on. */
export const MemberStartedSchema = Type.Object({
  type: Type.Literal('member-started'),
  restore: ObjectIdentitySchema,
  target: TargetRefSchema,
  totalHosts: Type.Integer({ minimum: 0 }),
});

export const HostRestoreResultSchema = Type.Object({
  hostname: Type.String(),
  phase: StringEnum(HOST_BACKUP_PHASES),
  duration: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
});

/** One host of one member restored (or not). Published on restoreHostSubject(), so the last one per host can be looked up. */
export const RestoreHostResultEventSchema = Type.Object({
  type: Type.Literal('restore-host-result'),
  restore: ObjectIdentitySchema,
  target: TargetRefSchema,
  result: HostRestoreResultSchema,
  finishedAt: Type.String(),
});

export const RestoreFinishedSchema = Type.Object({
  type: Type.Literal('restore-finished'),
  restore: ObjectIdentitySchema,
  at: Type.String(),
  /** Why the restore failed as a whole (validation, global hook, deadline), beyond its members' results. */
  error: Type.Optional(Type.String()),
  /** The RestoreBatch cannot run at all (the scheduler's validation): its phase is Invalid. */
  invalid: Type.Optional(Type.Boolean()),
});

/** Everything published about a RestoreBatch (SUBJECTS.restoreStatus, and host results on their own subjects). */
export const RestoreBatchEventSchema = Type.Union([
  RestoreStartedSchema,
  RestoreConditionSchema,
  RestoreMemberConditionSchema,
  MemberStartedSchema,
  RestoreHostResultEventSchema,
  RestoreFinishedSchema,
]);

export type RestoreStarted = Static<typeof RestoreStartedSchema>;
export type RestoreCondition = Static<typeof RestoreConditionSchema>;
export type RestoreMemberCondition = Static<typeof RestoreMemberConditionSchema>;
export type MemberStarted = Static<typeof MemberStartedSchema>;
export type HostRestoreResult = Static<typeof HostRestoreResultSchema>;
export type RestoreHostResultEvent = Static<typeof RestoreHostResultEventSchema>;
export type RestoreFinished = Static<typeof RestoreFinishedSchema>;
export type RestoreBatchEvent = Static<typeof RestoreBatchEventSchema>;
