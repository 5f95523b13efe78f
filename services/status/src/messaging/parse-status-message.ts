import { parseMessage } from '@restash/events';
import { secretScrubber } from '@restash/observability';
import type { Static, TSchema } from '@sinclair/typebox';

/**
 * A received message checked against its contract (an invalid one is dead-lettered at once) and
 * scrubbed of known secrets, so no text of it reaches a status or an Event unscrubbed.
 */
export function parseStatusMessage<S extends TSchema>(schema: S, data: unknown, what: string): Static<S> {
  return secretScrubber.scrubValue(parseMessage(schema, data, what));
}
