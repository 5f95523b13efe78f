import { DeliverPolicy } from '@nats-io/jetstream';
import type { NatsConnectionHolder } from '@restash/messaging';

export interface StoredMessage<T> {
  /** The stream sequence: the order the messages were stored in. */
  seq: number;
  data: T;
}

/** Every message of one subject stored in `stream` since `since`, in order, read with an ordered consumer. */
export async function storedMessages<T>(nats: NatsConnectionHolder, stream: string, subject: string, since: Date): Promise<Array<StoredMessage<T>>> {
  const consumer = await nats.jetstream.consumers.get(stream, {
    filter_subjects: [subject],
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: since.toISOString(),
  });
  const messages: Array<StoredMessage<T>> = [];
  for (let received = -1; received !== 0; ) {
    received = 0;
    for await (const message of await consumer.fetch({ max_messages: 1000, expires: 1000 })) {
      received++;
      messages.push({ seq: message.seq, data: message.json<T>() });
    }
  }
  await consumer.delete().catch(() => undefined);
  return messages;
}
