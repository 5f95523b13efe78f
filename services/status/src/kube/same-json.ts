import { isDeepStrictEqual } from 'node:util';

/** Equal once serialized: key order and undefined members do not count, as the API server stores JSON. */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? {})), JSON.parse(JSON.stringify(b ?? {})));
}
