import { DeliverPolicy } from '@nats-io/jetstream';
import { SUBJECTS } from '@restash/events';
import { STREAMS, type NatsConnectionHolder } from '@restash/messaging';

/**
 * Deletes from RESTASH_RUNS the backup run requests for a namespace's sessions stored since `since`:
 * sessions created and deleted while no executor ran (e.g. by ./dev bench's schedule benchmark) would otherwise wait
 * there for the next executor to start.
 */
export async function deleteRunRequests(nats: NatsConnectionHolder, namespace: string, since: Date): Promise<number> {
  const consumer = await nats.jetstream.consumers.get(STREAMS.runs.name, {
    filter_subjects: [SUBJECTS.backupRun],
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: since.toISOString(),
  });
  const doomed: number[] = [];
  for (let received = -1; received !== 0; ) {
    received = 0;
    for await (const message of await consumer.fetch({ max_messages: 1000, expires: 1000 })) {
      received++;
      if (message.json<{ object?: { namespace?: string } }>().object?.namespace === namespace) doomed.push(message.seq);
    }
  }
  await consumer.delete().catch(() => undefined);
  for (const seq of doomed) await nats.manager.streams.deleteMessage(STREAMS.runs.name, seq, false).catch(() => undefined);
  return doomed.length;
}
