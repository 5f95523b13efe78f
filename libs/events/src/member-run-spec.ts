import { RetentionPolicySchema, TargetRefSchema } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdentitySchema } from './object-identity.js';

const StringRecord = Type.Record(Type.String(), Type.String());

/**
 * Set when this host runs alone on its member's repository (the executor holds the repository's lock
 * and asks no other host yet): every restic lock found there was left by a runner that ended (killed,
 * evicted) and is removed before the backup, so it cannot block retention's exclusive lock.
 */
export const ClearLocksSchema = Type.Boolean();

/** A member's restic repository, resolved by the executor (same shape as @restash/restic's ResticRepository). */
export const RunRepositorySchema = Type.Object({
  url: Type.String(),
  redactedUrl: Type.String(),
  password: Type.String(),
  env: StringRecord,
  files: Type.Optional(StringRecord),
  caCert: Type.Optional(Type.String()),
  insecureTls: Type.Optional(Type.Boolean()),
  options: Type.Optional(StringRecord),
});

export const PathsSourceSchema = Type.Object({
  type: Type.Literal('paths'),
  paths: Type.Array(Type.String(), { minItems: 1 }),
  exclude: Type.Array(Type.String()),
});

export const DatabaseSourceSchema = Type.Object({
  type: Type.Literal('database'),
  connection: Type.Object({
    engine: Type.Union([Type.Literal('mysql'), Type.Literal('mariadb'), Type.Literal('postgres')]),
    host: Type.String(),
    port: Type.Integer(),
    username: Type.String(),
    password: Type.String(),
    database: Type.Optional(Type.String()),
    params: Type.Optional(StringRecord),
  }),
});

/**
 * Everything a one-shot runner (a Job pod) needs to back up one host of one member, so it needs no
 * access to the Kubernetes API: the executor resolves the Repository, its Secret and the AppBinding
 * and hands this over in a Secret owned by the BackupSession.
 */
export const MemberRunSpecSchema = Type.Object({
  runId: Type.String(),
  session: ObjectIdentitySchema,
  target: TargetRefSchema,
  host: Type.String(),
  repository: Type.Object({
    ref: Type.Object({ namespace: Type.String(), name: Type.String() }),
    /** `<kind>/<name>`: the member's repository inside the backend. */
    path: Type.String(),
    restic: RunRepositorySchema,
  }),
  source: Type.Union([PathsSourceSchema, DatabaseSourceSchema]),
  retention: Type.Optional(RetentionPolicySchema),
  natsUrl: Type.String(),
  clearLocks: Type.Optional(ClearLocksSchema),
});

export type MemberRunSpec = Static<typeof MemberRunSpecSchema>;
export type BackupSource = MemberRunSpec['source'];
