import { StringEnum } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { ObjectIdentitySchema } from './object-identity.js';

/** Asks the executor to run a BackupSession or a RestoreBatch. Published with the object's uid as message id. */
export const RunRequestSchema = Type.Object({
  kind: StringEnum(['BackupSession', 'RestoreBatch']),
  object: ObjectIdentitySchema,
  requestedAt: Type.String(),
});
export type RunRequest = Static<typeof RunRequestSchema>;
