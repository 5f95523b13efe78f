import { Type, type Static } from '@sinclair/typebox';
import { OpenObject } from './open-object.js';

/** Stash's offshoot RuntimeSettings (container resources, securityContext, pod nodeSelector, …): kept as given. */
export const RuntimeSettingsSchema = OpenObject({
  container: Type.Optional(OpenObject()),
  pod: Type.Optional(OpenObject()),
});
export type RuntimeSettings = Static<typeof RuntimeSettingsSchema>;
