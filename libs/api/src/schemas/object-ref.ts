import { Type, type Static } from '@sinclair/typebox';

/** A reference to an object by name, optionally in another namespace (kmapi.ObjectReference). */
export const ObjectRefSchema = Type.Object({
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
});
export type ObjectRef = Static<typeof ObjectRefSchema>;

/** A reference to an object in the same namespace (core LocalObjectReference). */
export const LocalObjectRefSchema = Type.Object({
  name: Type.String(),
});
export type LocalObjectRef = Static<typeof LocalObjectRefSchema>;

/** A reference to an object of any kind (kmapi.TypedObjectReference). */
export const TypedObjectRefSchema = Type.Object({
  apiGroup: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
  name: Type.String(),
});
export type TypedObjectRef = Static<typeof TypedObjectRefSchema>;
