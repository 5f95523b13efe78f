import { Type, type Static } from '@sinclair/typebox';
import { RESOURCES } from '../resource-types.js';
import { kubeObjectSchema, type KubeObject } from './kube-object.js';
import { LocalObjectRefSchema } from './object-ref.js';
import { OpenObject } from './open-object.js';

export const ServiceReferenceSchema = Type.Object({
  scheme: Type.Optional(Type.String()),
  name: Type.String(),
  port: Type.Integer({ format: 'int32', minimum: 1, maximum: 65535 }),
  path: Type.Optional(Type.String()),
  query: Type.Optional(Type.String()),
});
export type ServiceReference = Static<typeof ServiceReferenceSchema>;

/** How to reach the database: a URL, or a Service in the AppBinding's namespace. */
export const ClientConfigSchema = Type.Object({
  url: Type.Optional(Type.String()),
  service: Type.Optional(ServiceReferenceSchema),
  caBundle: Type.Optional(Type.String()),
  insecureSkipTLSVerify: Type.Optional(Type.Boolean()),
});
export type ClientConfig = Static<typeof ClientConfigSchema>;

/** Fields other tools (KubeDB) add to an AppBinding spec are kept as they are. */
export const AppBindingSpecSchema = OpenObject({
  type: Type.Optional(Type.String({ description: 'Database type: mysql, mariadb, postgres, …' })),
  version: Type.Optional(Type.String()),
  clientConfig: ClientConfigSchema,
  secret: Type.Optional(LocalObjectRefSchema),
  parameters: Type.Optional(OpenObject()),
});
export type AppBindingSpec = Static<typeof AppBindingSpecSchema>;

export const AppBindingSchema = kubeObjectSchema(RESOURCES.appBinding, AppBindingSpecSchema);
export type AppBinding = KubeObject<AppBindingSpec>;
