import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import type { ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import {
  MessageReader,
  batchManifest,
  batches,
  createBatchDependencies,
  latestVerdict,
  sessions,
  slotSeconds,
  startScheduler,
} from './scheduler-fixtures.js';

const kube = new KubeClient();
let namespace: string;
let scheduler: ServiceProcess | undefined;
let reader: MessageReader;

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'sched-paused');
  reader = await MessageReader.open();
  await createBatchDependencies(kube, namespace);
  scheduler = await startScheduler(namespace);
});
afterAll(async () => {
  await scheduler?.stop();
  await reader.close();
  await deleteTestNamespace(kube, namespace);
});

describe('a paused BackupBatch', () => {
  it('gets no scheduled sessions, runs a session a user creates, and resumes without backfilling when unpaused', async () => {
    const since = new Date(Date.now() - 1000);
    const batch = await batches(kube).create(batchManifest(namespace, 'weekly', { schedule: '@every 2s', paused: true }));
    const paused = await eventually(async () => latestVerdict(await reader.verdicts(since), batch.metadata.uid!), {
      timeoutMs: 10_000,
      what: 'a verdict',
    });
    expect([paused['ScheduleRegistered']?.status, paused['ScheduleRegistered']?.reason]).toEqual(['False', 'Paused']);

    const instant = await sessions(kube).create({
      metadata: { name: 'weekly-by-hand', namespace },
      spec: { invoker: { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: 'weekly' } },
    });
    const request = await eventually(async () => (await reader.runRequests(since)).find((r) => r.object.uid === instant.metadata.uid), {
      timeoutMs: 10_000,
      intervalMs: 500,
      what: 'a run request for the session created by hand',
    });
    expect(request).toMatchObject({ kind: 'BackupSession', object: { namespace, name: 'weekly-by-hand', uid: instant.metadata.uid } });

    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect((await sessions(kube).list(namespace)).map((s) => s.metadata.name)).toEqual(['weekly-by-hand']);

    const unpausedAt = Math.floor(Date.now() / 1000);
    await batches(kube).patch(namespace, 'weekly', { spec: { paused: false } });
    const scheduled = await eventually(
      async () => (await sessions(kube).list(namespace)).filter((s) => s.metadata.name !== 'weekly-by-hand').at(0),
      { timeoutMs: 10_000, intervalMs: 250, what: 'a scheduled session after unpausing' },
    );
    expect(slotSeconds(scheduled)).toBeGreaterThanOrEqual(unpausedAt);
  }, 45_000);
});
