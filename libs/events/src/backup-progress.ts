import { TargetRefSchema } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdentitySchema } from './object-identity.js';

/**
 * How far one host's backup is, as restic reports it; a runner publishes it at most once a second
 * on SUBJECTS.backupProgress, and 100 once the host's data is saved. Progress is best effort: a lost
 * or late one changes nothing but what a person watching sees.
 */
export const BackupProgressEventSchema = Type.Object({
  type: Type.Literal('backup-progress'),
  session: ObjectIdentitySchema,
  target: TargetRefSchema,
  host: Type.String(),
  /** 0–100 over all of the host's paths; 0 while restic does not know the total (a database dump read from stdin). */
  percentDone: Type.Number({ minimum: 0, maximum: 100 }),
  bytesDone: Type.Integer({ minimum: 0 }),
  at: Type.String(),
});
export type BackupProgressEvent = Static<typeof BackupProgressEventSchema>;

/** Its JetStream message id: one per host and moment, so a repeated publish is stored once. */
export function backupProgressId(event: BackupProgressEvent): string {
  return `${event.session.uid}:backup-progress:${event.target.kind}/${event.target.name}:${event.host}:${event.at}`;
}
