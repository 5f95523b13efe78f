import { Type, type Static } from '@sinclair/typebox';

/** Core VolumeMount: a volume of the target's pod to mount into the stash container. */
export const VolumeMountSchema = Type.Object({
  name: Type.String(),
  mountPath: Type.String(),
  readOnly: Type.Optional(Type.Boolean()),
  subPath: Type.Optional(Type.String()),
  subPathExpr: Type.Optional(Type.String()),
  mountPropagation: Type.Optional(Type.String()),
});
export type VolumeMount = Static<typeof VolumeMountSchema>;
