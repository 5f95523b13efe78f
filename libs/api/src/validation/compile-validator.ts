import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { describeErrors } from './describe-errors.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };
export type Validator<T> = (value: unknown) => ValidationResult<T>;

/**
 * A validator for `schema`, compiled on first use. `ruleErrors` adds checks a schema cannot express;
 * it only runs on values that match the schema.
 */
export function compileValidator<T>(schema: TSchema, ruleErrors?: (value: T) => string[]): Validator<T> {
  let check: TypeCheck<TSchema> | undefined;
  return (value) => {
    check ??= TypeCompiler.Compile(schema);
    if (!check.Check(value)) return { ok: false, errors: describeErrors(check.Errors(value)) };
    const errors = ruleErrors?.(value as T) ?? [];
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: value as T };
  };
}
