import { DeliverPolicy } from '@nats-io/jetstream';
import { SUBJECTS, type BackupSessionEvent } from '@restash/events';
import { STREAMS, type NatsConnectionHolder } from '@restash/messaging';

export interface StoredEvent {
  /** The event's stream sequence: the order the events were stored in. */
  seq: number;
  event: BackupSessionEvent;
}

/** Every status event of one session stored since `since`, in stream order, read with an ordered consumer. */
export async function sessionEvents(nats: NatsConnectionHolder, sessionUid: string, since: Date): Promise<StoredEvent[]> {
  const consumer = await nats.jetstream.consumers.get(STREAMS.status.name, {
    filter_subjects: [SUBJECTS.sessionStatus],
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: since.toISOString(),
  });
  const events: StoredEvent[] = [];
  for (let received = -1; received !== 0; ) {
    received = 0;
    for await (const message of await consumer.fetch({ max_messages: 500, expires: 1000 })) {
      received++;
      const event = message.json<BackupSessionEvent>();
      if (event.session.uid === sessionUid) events.push({ seq: message.seq, event });
    }
  }
  await consumer.delete().catch(() => undefined);
  return events;
}

/** Deletes the durable consumers the sidecars of a namespace's workloads created (a test namespace is gone for good). */
export async function deleteAgentConsumers(nats: NatsConnectionHolder, namespace: string): Promise<void> {
  const prefix = `restash.runs.agent.${namespace}.`;
  for await (const consumer of nats.manager.consumers.list(STREAMS.runs.name)) {
    if (consumer.config.filter_subject?.startsWith(prefix)) await nats.manager.consumers.delete(STREAMS.runs.name, consumer.name).catch(() => undefined);
  }
}
