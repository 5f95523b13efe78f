import { Type, type Static } from '@sinclair/typebox';

/** Which object a message is about; the uid tells a recreated object of the same name apart. */
export const ObjectIdentitySchema = Type.Object({
  namespace: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  uid: Type.String({ minLength: 1 }),
});
export type ObjectIdentity = Static<typeof ObjectIdentitySchema>;

export function identityOf(object: { metadata: { namespace?: string; name?: string; uid?: string } }): ObjectIdentity {
  const { namespace, name, uid } = object.metadata;
  if (!namespace || !name || !uid) throw new Error(`object ${namespace ?? '?'}/${name ?? '?'} has no namespace, name or uid`);
  return { namespace, name, uid };
}
