import { DeliverPolicy } from '@nats-io/jetstream';
import { DEAD_LETTER_SUBJECT, STREAMS, type DeadLetter, type NatsConnectionHolder } from '@restash/messaging';

/** The dead letters published since `since` (read with an ordered consumer, so many earlier ones do not crowd them out). */
export async function deadLettersSince(nats: NatsConnectionHolder, since: Date): Promise<DeadLetter[]> {
  const consumer = await nats.jetstream.consumers.get(STREAMS.status.name, {
    filter_subjects: [DEAD_LETTER_SUBJECT],
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: since.toISOString(),
  });
  const letters: DeadLetter[] = [];
  for (let received = -1; received !== 0; ) {
    received = 0;
    for await (const message of await consumer.fetch({ max_messages: 500, expires: 1000 })) {
      received++;
      letters.push(message.json<DeadLetter>());
    }
  }
  return letters;
}
