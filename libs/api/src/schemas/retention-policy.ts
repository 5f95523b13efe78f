import { Type, type Static } from '@sinclair/typebox';

const keep = () => Type.Optional(Type.Integer({ format: 'int64', minimum: 0 }));

/** Which snapshots `restic forget` keeps in each member's repository after a session. */
export const RetentionPolicySchema = Type.Object({
  name: Type.String(),
  keepLast: keep(),
  keepHourly: keep(),
  keepDaily: keep(),
  keepWeekly: keep(),
  keepMonthly: keep(),
  keepYearly: keep(),
  keepTags: Type.Optional(Type.Array(Type.String())),
  prune: Type.Boolean(),
  dryRun: Type.Optional(Type.Boolean()),
});
export type RetentionPolicy = Static<typeof RetentionPolicySchema>;
