import { parseMessage, RestoreHostResultEventSchema, type RestoreHostResultEvent } from '@restash/events';
import { STREAMS, type NatsConnectionHolder } from '@restash/messaging/nats';

/** The last restore result published on a host's subject (JetStream's last-message-by-subject lookup), if any. */
export async function lastRestoreResult(nats: NatsConnectionHolder, subject: string): Promise<RestoreHostResultEvent | undefined> {
  const stored = await nats.manager.streams.getMessage(STREAMS.status.name, { last_by_subj: subject });
  return stored ? parseMessage(RestoreHostResultEventSchema, stored.json(), `restore result on ${subject}`) : undefined;
}
