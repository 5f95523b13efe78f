import { Type, type SchemaOptions } from '@sinclair/typebox';

/** A port or quantity that may be a number or a name, like Kubernetes' IntOrString. */
export function IntOrString(options: SchemaOptions = {}) {
  return Type.Union([Type.Integer(), Type.String()], { ...options, 'x-kubernetes-int-or-string': true });
}
