import { compileValidator, type Validator } from '@restash/api';
import type { Static, TSchema } from '@sinclair/typebox';

/** A message that does not match its contract: retrying cannot fix it (the transport dead-letters it). */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
  readonly permanent = true;
}

const validators = new WeakMap<TSchema, Validator<unknown>>();

/** Checks a received message against its contract; the error lists every wrong field. */
export function parseMessage<S extends TSchema>(schema: S, data: unknown, what: string): Static<S> {
  let validate = validators.get(schema);
  if (!validate) {
    validate = compileValidator<unknown>(schema);
    validators.set(schema, validate);
  }
  const result = validate(data);
  if (result.ok) return result.value as Static<S>;
  throw new InvalidMessageError(`invalid ${what}: ${result.errors.join('; ')}`);
}
