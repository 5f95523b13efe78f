import { Kind, Type, TypeRegistry, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

const STRING_ENUM_KIND = 'StringEnum';

if (!TypeRegistry.Has(STRING_ENUM_KIND)) {
  TypeRegistry.Set<{ enum: string[] }>(
    STRING_ENUM_KIND,
    (schema, value) => typeof value === 'string' && schema.enum.includes(value),
  );
}

/**
 * A string limited to `values`, emitted as `{type: string, enum: [...]}`. A union of literals would
 * emit `anyOf`/`const`, which a Kubernetes structural schema does not allow.
 */
export function StringEnum<const Values extends readonly string[]>(
  values: Values,
  options: SchemaOptions = {},
): TUnsafe<Values[number]> {
  return Type.Unsafe<Values[number]>({ ...options, [Kind]: STRING_ENUM_KIND, type: 'string', enum: [...values] });
}
