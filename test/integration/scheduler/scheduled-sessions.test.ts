import type { BackupSession } from '@restash/api';
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
  namespace = await createTestNamespace(kube, 'sched-slots');
  reader = await MessageReader.open();
});
afterAll(async () => {
  await scheduler?.stop();
  await reader.close();
  await deleteTestNamespace(kube, namespace);
});

describe('the scheduler on a valid BackupBatch', () => {
  it('creates one BackupSession per slot, with Stash labels, invoker and owner, and asks the executor to run each', async () => {
    const since = new Date(Date.now() - 1000);
    await createBatchDependencies(kube, namespace);
    const batch = await batches(kube).create(batchManifest(namespace, 'nightly', { schedule: '@every 3s' }));
    scheduler = await startScheduler(namespace);

    const created = await eventually(
      async () => {
        const found = (await sessions(kube).list(namespace)).sort((a, b) => slotSeconds(a) - slotSeconds(b));
        return found.length >= 3 ? found : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'three scheduled sessions' },
    );

    const slots = created.map(slotSeconds);
    expect(slots.every((slot) => slot % 3 === 0)).toBe(true);
    expect(slots.slice(1).map((slot, i) => slot - slots[i]!)).toEqual(slots.slice(1).map(() => 3));
    for (const session of created) {
      expect(session.metadata.name).toBe(`nightly-${slotSeconds(session)}`);
      expect(session.metadata.labels).toEqual({
        'app.kubernetes.io/managed-by': 'stash.appscode.com',
        'app.kubernetes.io/component': 'stash-backup',
        'stash.appscode.com/invoker-type': 'BackupBatch',
        'stash.appscode.com/invoker-name': 'nightly',
      });
      expect(session.spec.invoker).toEqual({ apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: 'nightly' });
      expect(session.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'stash.appscode.com/v1beta1',
          kind: 'BackupBatch',
          name: 'nightly',
          uid: batch.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }

    const requests = await eventually(
      async () => {
        const uids = new Set(created.map((s: BackupSession) => s.metadata.uid));
        const mine = (await reader.runRequests(since)).filter((r) => uids.has(r.object.uid));
        return mine.length >= created.length ? mine : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 500, what: 'a run request per session' },
    );
    expect(requests.map((r) => r.object.name).sort()).toEqual(created.map((s) => s.metadata.name).sort());
    expect(requests.every((r) => r.kind === 'BackupSession' && r.object.namespace === namespace)).toBe(true);

    const verdict = latestVerdict(await reader.verdicts(since), batch.metadata.uid!);
    expect(Object.fromEntries(Object.entries(verdict ?? {}).map(([type, c]) => [type, c.status]))).toEqual({
      RepositoryFound: 'True',
      BackendSecretFound: 'True',
      ValidationPassed: 'True',
      ScheduleRegistered: 'True',
    });

    const metrics = await (await fetch(scheduler.url('/metrics'))).text();
    expect(metrics).toMatch(/^restash_scheduler_is_leader\{service="scheduler"\} 1$/m);
    expect(metrics).toMatch(/^restash_scheduler_sessions_created_total\{service="scheduler"\} [1-9]/m);
    expect(metrics).toMatch(/^restash_run_requests_published_total\{duplicate="false",service="scheduler"\} [1-9]/m);
    expect(metrics).toContain('restash_scheduler_slot_lag_seconds_bucket');
    console.log(`scheduled sessions: ${created.length} slots ${slots.join(', ')}; run requests: ${requests.length}`);
  }, 45_000);
});
