import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from './date-time.js';
import { StringMap } from './string-map.js';

export const OwnerReferenceSchema = Type.Object({
  apiVersion: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  uid: Type.String(),
  controller: Type.Optional(Type.Boolean()),
  blockOwnerDeletion: Type.Optional(Type.Boolean()),
});
export type OwnerReference = Static<typeof OwnerReferenceSchema>;

/** The ObjectMeta fields restash reads; other fields pass validation untouched. */
export const ObjectMetaSchema = Type.Object({
  name: Type.Optional(Type.String()),
  generateName: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
  uid: Type.Optional(Type.String()),
  generation: Type.Optional(Type.Integer()),
  resourceVersion: Type.Optional(Type.String()),
  labels: Type.Optional(StringMap()),
  annotations: Type.Optional(StringMap()),
  ownerReferences: Type.Optional(Type.Array(OwnerReferenceSchema)),
  finalizers: Type.Optional(Type.Array(Type.String())),
  creationTimestamp: Type.Optional(DateTime()),
  deletionTimestamp: Type.Optional(DateTime()),
});
export type ObjectMeta = Static<typeof ObjectMetaSchema>;
