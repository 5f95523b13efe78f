import { Type, type ObjectOptions, type Static, type TObject, type TProperties, type TUnsafe } from '@sinclair/typebox';

export type OpenObjectOf<Properties extends TProperties> = Static<TObject<Properties>> & Record<string, unknown>;

/**
 * An object whose named fields are typed and whose other fields are kept as they are
 * (`x-kubernetes-preserve-unknown-fields`), for embedded Kubernetes core types such as a VolumeSource
 * or runtime settings: the API server must never prune what a Stash manifest carries there.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- TypeBox's own default for "no properties"
export function OpenObject<Properties extends TProperties = {}>(
  properties: Properties = {} as Properties,
  options: ObjectOptions = {},
): TUnsafe<OpenObjectOf<Properties>> {
  const schema = Type.Object(properties, { ...options, 'x-kubernetes-preserve-unknown-fields': true });
  // The spread keeps TypeBox's [Kind]: 'Object', so it is still validated as an object.
  return Type.Unsafe<OpenObjectOf<Properties>>({ ...schema });
}
