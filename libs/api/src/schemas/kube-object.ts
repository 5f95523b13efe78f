import { Type, type TSchema } from '@sinclair/typebox';
import type { ResourceType } from '../resource-types.js';
import { ObjectMetaSchema, type ObjectMeta } from './object-meta.js';
import { StringEnum } from './string-enum.js';

/** A Kubernetes object of one of our kinds. */
export interface KubeObject<Spec, Status = never> {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: Spec;
  status?: Status;
}

/** The schema of a whole object (for validation; a CRD declares only spec and status). */
export function kubeObjectSchema(resource: ResourceType, spec: TSchema, status?: TSchema) {
  return Type.Object({
    apiVersion: StringEnum([resource.apiVersion]),
    kind: StringEnum([resource.kind]),
    metadata: ObjectMetaSchema,
    spec,
    ...(status ? { status: Type.Optional(status) } : {}),
  });
}
