import { createHash } from 'node:crypto';
import type { InvolvedObject } from './involved-object.js';
import type { Notice } from './notice.js';

const MAX_NAME_LENGTH = 253;
const HASH_LENGTH = 16;

/**
 * The Event's name: the object's name and a hash of what makes two Events the same (object uid,
 * type, reason, message). A repeat therefore finds the Event it repeats, in this process, after a
 * restart or on another replica alike, and only bumps its count.
 */
export function eventName(object: InvolvedObject, notice: Notice): string {
  const key = [object.uid ?? `${object.apiVersion}/${object.kind}`, notice.type, notice.reason, notice.message].join('\u0000');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, HASH_LENGTH);
  return `${object.name.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)}.${hash}`;
}
