import { DEAD_LETTER_SUBJECT, STREAMS, type DeadLetter, type NatsConnectionHolder } from '@restash/messaging';
import { storedMessages } from './stored-messages.js';

/** The dead letters published since `since` (so many earlier ones do not crowd them out). */
export async function deadLettersSince(nats: NatsConnectionHolder, since: Date): Promise<DeadLetter[]> {
  return (await storedMessages<DeadLetter>(nats, STREAMS.status.name, DEAD_LETTER_SUBJECT, since)).map((message) => message.data);
}
