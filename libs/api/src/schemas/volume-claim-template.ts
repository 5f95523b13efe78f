import { Type, type Static } from '@sinclair/typebox';
import { OpenObject } from './open-object.js';

/** A PersistentVolumeClaim template (interimVolumeTemplate, volumeClaimTemplates): kept as given. */
export const VolumeClaimTemplateSchema = OpenObject({
  metadata: Type.Optional(OpenObject({ name: Type.Optional(Type.String()) })),
  spec: Type.Optional(OpenObject()),
});
export type VolumeClaimTemplate = Static<typeof VolumeClaimTemplateSchema>;
