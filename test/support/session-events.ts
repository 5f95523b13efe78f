import { SUBJECTS, type BackupSessionEvent } from '@restash/events';
import { STREAMS, type NatsConnectionHolder } from '@restash/messaging';
import { storedMessages } from './stored-messages.js';

export interface StoredEvent {
  /** The event's stream sequence: the order the events were stored in. */
  seq: number;
  event: BackupSessionEvent;
}

/** Every status event of one session stored since `since`, in stream order. */
export async function sessionEvents(nats: NatsConnectionHolder, sessionUid: string, since: Date): Promise<StoredEvent[]> {
  const stored = await storedMessages<BackupSessionEvent>(nats, STREAMS.status.name, SUBJECTS.sessionStatus, since);
  return stored.filter(({ data }) => data.session.uid === sessionUid).map(({ seq, data }) => ({ seq, event: data }));
}

/** Deletes the durable consumers the sidecars of a namespace's workloads created (a test namespace is gone for good). */
export async function deleteAgentConsumers(nats: NatsConnectionHolder, namespace: string): Promise<void> {
  const prefix = `restash.runs.agent.${namespace}.`;
  for await (const consumer of nats.manager.consumers.list(STREAMS.runs.name)) {
    if (consumer.config.filter_subject?.startsWith(prefix)) await nats.manager.consumers.delete(STREAMS.runs.name, consumer.name).catch(() => undefined);
  }
}
