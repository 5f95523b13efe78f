import { DeliverPolicy } from '@nats-io/jetstream';
import { RESOURCES, type RestoreBatch, type RestoreBatchSpec, type RestoreBatchStatus } from '@restash/api';
import { SUBJECTS, type RestoreBatchEvent } from '@restash/events';
import { CustomResources, type KubeClient } from '@restash/kube';
import { STREAMS, type NatsConnectionHolder } from '@restash/messaging';
import { eventually } from './eventually.js';

const FINAL = ['Succeeded', 'Failed', 'Invalid', 'Unknown'];

/** A RestoreBatch as a user creates it; the scheduler asks the executor to run it. */
export async function createRestore(kube: KubeClient, namespace: string, name: string, spec: RestoreBatchSpec): Promise<RestoreBatch> {
  return (await new CustomResources<RestoreBatchSpec, RestoreBatchStatus>(kube, RESOURCES.restoreBatch).create({ metadata: { name, namespace }, spec })) as RestoreBatch;
}

export async function waitForFinalRestore(kube: KubeClient, namespace: string, name: string, timeoutMs = 150_000): Promise<RestoreBatch> {
  const restores = new CustomResources<RestoreBatchSpec, RestoreBatchStatus>(kube, RESOURCES.restoreBatch);
  return (await eventually(async () => {
    const restore = await restores.get(namespace, name);
    return FINAL.includes(restore.status?.phase ?? '') ? restore : undefined;
  }, { timeoutMs, intervalMs: 500, what: `RestoreBatch ${name} final` })) as RestoreBatch;
}

/** When one member of a RestoreBatch ran: from its member-started (stored when its Job or init containers were set going) to its last host result. */
export interface RestoreInterval {
  member: string;
  start: number;
  end: number;
}

/** Every member's run of a RestoreBatch as the events stored in JetStream tell it (ms precision). */
export async function restoreIntervals(nats: NatsConnectionHolder, restoreUid: string): Promise<RestoreInterval[]> {
  const consumer = await nats.jetstream.consumers.get(STREAMS.status.name, {
    filter_subjects: [SUBJECTS.restoreStatus, `${SUBJECTS.restoreStatus}.${restoreUid}.>`],
    deliver_policy: DeliverPolicy.All,
  });
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  for (let received = -1; received !== 0; ) {
    received = 0;
    for await (const message of await consumer.fetch({ max_messages: 1000, expires: 1000 })) {
      received++;
      const event = message.json<RestoreBatchEvent>();
      if (event.restore.uid !== restoreUid) continue;
      if (event.type === 'member-started') starts.set(event.target.name, Math.floor(message.info.timestampNanos / 1e6));
      if (event.type === 'restore-host-result') ends.set(event.target.name, Math.max(ends.get(event.target.name) ?? 0, Date.parse(event.finishedAt)));
    }
  }
  await consumer.delete().catch(() => undefined);
  return [...starts].map(([member, start]) => ({ member, start, end: ends.get(member) ?? Number.NaN })).sort((a, b) => a.start - b.start);
}
