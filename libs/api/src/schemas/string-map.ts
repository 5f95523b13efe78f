import { Kind, Type, TypeRegistry, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

const STRING_MAP_KIND = 'StringMap';

if (!TypeRegistry.Has(STRING_MAP_KIND)) {
  TypeRegistry.Set(
    STRING_MAP_KIND,
    (_schema, value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((entry) => typeof entry === 'string'),
  );
}

/** A map of string to string (labels, annotations), in the `additionalProperties` form Kubernetes accepts. */
export function StringMap(options: SchemaOptions = {}): TUnsafe<Record<string, string>> {
  return Type.Unsafe<Record<string, string>>({
    ...options,
    [Kind]: STRING_MAP_KIND,
    type: 'object',
    additionalProperties: { type: 'string' },
  });
}
