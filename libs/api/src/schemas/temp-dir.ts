import { Type, type Static } from '@sinclair/typebox';
import { IntOrString } from './int-or-string.js';

/** Settings of the emptyDir mounted at /tmp of the stash container (Stash's EmptyDirSettings). */
export const TempDirSchema = Type.Object({
  medium: Type.Optional(Type.String()),
  sizeLimit: Type.Optional(IntOrString()),
  disableCaching: Type.Optional(Type.Boolean()),
});
export type TempDir = Static<typeof TempDirSchema>;
