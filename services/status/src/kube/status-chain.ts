import type { KubeObject } from '@restash/api';
import type { Settled } from './keyed-batcher.js';

/** One update's part of a chain: the status it was applied to and the status it made. */
export interface ChainStep<Status> {
  before: Status | undefined;
  after: Status;
}

/**
 * Pure: applies updates one after another to an object's status, each seeing the status the ones
 * before it made, as if each had been written on its own. An update that throws fails alone and
 * changes nothing. Returns each update's step and the status after all of them.
 */
export function chainStatuses<Spec, Status>(
  object: KubeObject<Spec, Status>,
  updates: ReadonlyArray<(object: KubeObject<Spec, Status>) => Status>,
): { steps: Array<Settled<ChainStep<Status>>>; status: Status | undefined } {
  let status = object.status;
  const steps = updates.map((update): Settled<ChainStep<Status>> => {
    try {
      const after = update({ ...object, status });
      const step = { before: status, after };
      status = after;
      return { ok: true, value: step };
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { steps, status };
}
