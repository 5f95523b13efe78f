import { Type, type Static } from '@sinclair/typebox';

/**
 * The workload, volume or database a batch member backs up or restores. `kind` is deliberately not
 * an enum: an unsupported kind must reach our validation, which reports it as a condition
 * (see SUPPORTED_TARGET_KINDS).
 */
export const TargetRefSchema = Type.Object({
  apiVersion: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
});
export type TargetRef = Static<typeof TargetRefSchema>;
