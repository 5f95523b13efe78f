import type { BackupBatch, Condition } from '@restash/api';
import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import type { ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import {
  MessageReader,
  batchManifest,
  batches,
  createBatchDependencies,
  createRepository,
  latestVerdict,
  sessions,
  slotSeconds,
  startScheduler,
} from './scheduler-fixtures.js';

const kube = new KubeClient();
let namespace: string;
let scheduler: ServiceProcess | undefined;
let reader: MessageReader;
const since = new Date(Date.now() - 1000);

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'sched-invalid');
  reader = await MessageReader.open();
  await createBatchDependencies(kube, namespace);
  scheduler = await startScheduler(namespace);
});
afterAll(async () => {
  await scheduler?.stop();
  await reader.close();
  await deleteTestNamespace(kube, namespace);
});

const brief = (c: Condition | undefined) => c && [c.status, c.reason, c.message];

function verdictOn(batch: BackupBatch, check: (conditions: Record<string, Condition>) => boolean): Promise<Record<string, Condition>> {
  return eventually(
    async () => {
      const conditions = latestVerdict(await reader.verdicts(since), batch.metadata.uid!);
      return conditions && check(conditions) ? conditions : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 500, what: `a verdict on ${batch.metadata.name}` },
  );
}

describe('the scheduler on invalid BackupBatches', () => {
  it('reports each problem as a condition, creates no session and stays healthy; a Repository created later turns RepositoryFound True', async () => {
    const create = (name: string, spec: Parameters<typeof batchManifest>[2]) =>
      batches(kube).create(batchManifest(namespace, name, { schedule: '@every 2s', ...spec }));
    const missingRepository = await create('missing-repo', { repository: { name: 'later' } });
    const badCron = await create('bad-cron', { schedule: '61 * * * *' });
    const unknownKind = await create('unknown-kind', {
      members: [{ target: { ref: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly' } } }],
    });

    const missing = await verdictOn(missingRepository, () => true);
    expect(brief(missing['RepositoryFound'])).toEqual(['False', 'RepositoryNotAvailable', `Repository ${namespace}/later does not exist.`]);
    expect(brief(missing['BackendSecretFound'])).toEqual([
      'Unknown',
      'RepositoryNotAvailable',
      'The backend Secret is not checked until the Repository is available.',
    ]);
    expect(brief(missing['ScheduleRegistered'])).toEqual([
      'False',
      'NotReady',
      'No sessions are scheduled until RepositoryFound, BackendSecretFound are True.',
    ]);

    const cron = await verdictOn(badCron, () => true);
    expect(brief(cron['ValidationPassed'])).toEqual([
      'False',
      'ResourceValidationFailed',
      'spec.schedule: invalid cron expression "61 * * * *": Constraint error, got value 61 expected range 0-59',
    ]);
    expect(cron['RepositoryFound']?.status).toBe('True');

    const kind = await verdictOn(unknownKind, () => true);
    expect(brief(kind['ValidationPassed'])).toEqual([
      'False',
      'ResourceValidationFailed',
      'spec.members[0].target.ref.kind: CronJob is not supported (use Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PersistentVolumeClaim, AppBinding)',
    ]);
    const members = (await reader.verdicts(since)).filter((v) => v.batch.uid === unknownKind.metadata.uid).at(-1)!.memberConditions;
    expect(members.map((m) => [m.target.kind, ...brief(m.conditions[0])!])).toEqual([
      ['CronJob', 'False', 'UnsupportedTargetKind', 'Kind CronJob cannot be backed up.'],
    ]);

    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await sessions(kube).list(namespace)).toEqual([]);
    expect((await fetch(scheduler!.url('/healthz'))).ok).toBe(true);
    expect((await fetch(scheduler!.url('/readyz'))).ok).toBe(true);

    const repositoryCreatedAt = Math.floor(Date.now() / 1000);
    await createRepository(kube, namespace, 'later');
    const found = await verdictOn(missingRepository, (conditions) => conditions['RepositoryFound']?.status === 'True');
    expect(brief(found['RepositoryFound'])).toEqual(['True', 'RepositoryAvailable', `Repository ${namespace}/later exists.`]);
    expect(found['ScheduleRegistered']?.status).toBe('True');
    const started = await eventually(
      async () => {
        const list = await sessions(kube).list(namespace);
        return list.length > 0 ? list : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 250, what: 'a session once the Repository exists' },
    );
    // No backfill of the slots that passed while the batch could not run.
    expect(started.every((session) => session.spec.invoker.name === 'missing-repo' && slotSeconds(session) >= repositoryCreatedAt)).toBe(
      true,
    );
  }, 60_000);
});
