import { Type, type Static } from '@sinclair/typebox';

/** The Stash task that backs up or restores a database member, e.g. mysql-backup-8.0.14. */
export const TaskRefSchema = Type.Object({
  name: Type.String(),
  params: Type.Optional(Type.Array(Type.Object({ name: Type.String(), value: Type.String() }))),
});
export type TaskRef = Static<typeof TaskRefSchema>;
