import { SUBJECTS, type BatchValidated, type ObjectIdentity } from '@restash/events';
import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { counterValue, StatusFixtures } from './status-fixtures.js';

const TEST_TIMEOUT_MS = 30_000;
const kube = new KubeClient();
const db = { apiVersion: 'apps/v1', kind: 'AppBinding', name: 'wordpress-mysql' };
let namespace: string;
let fixtures: StatusFixtures;
let status: ServiceProcess;
let batch: ObjectIdentity;

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'status-batch');
  fixtures = await StatusFixtures.open(kube, namespace);
  batch = await fixtures.createBatch('wordpress-backup', 'local-repo');
  status = await startService('status');
}, TEST_TIMEOUT_MS);
afterAll(async () => {
  await status?.stop();
  await fixtures?.close();
  await deleteTestNamespace(kube, namespace);
});

function verdict(generation: number, repositoryFound: boolean): BatchValidated {
  const missing = `Repository ${namespace}/local-repo does not exist.`;
  return {
    type: 'batch-validated',
    batch,
    generation,
    conditions: repositoryFound
      ? [
          { type: 'RepositoryFound', status: 'True', reason: 'RepositoryAvailable', message: 'Repository found.' },
          { type: 'ValidationPassed', status: 'True', reason: 'ResourceValidationPassed', message: 'Validation passed.' },
        ]
      : [
          { type: 'RepositoryFound', status: 'False', reason: 'RepositoryNotAvailable', message: missing },
          { type: 'ValidationPassed', status: 'False', reason: 'RepositoryNotAvailable', message: missing },
        ],
    memberConditions: [{ target: db, conditions: [{ type: 'BackupTargetFound', status: 'True', reason: 'TargetAvailable', message: 'AppBinding wordpress-mysql found.' }] }],
  };
}

async function publish(event: BatchValidated, id: string): Promise<void> {
  await fixtures.publisher.publish(SUBJECTS.batchStatus, event, `${batch.uid}:${id}`);
}

describe('BackupBatch status from validation verdicts (real API server and JetStream)', () => {
  it('records a failed validation as conditions and a Warning Event with the condition reason', async () => {
    await publish(verdict(1, false), 'gen-1');
    const invalid = await eventually(async () => {
      const found = await fixtures.batches.get(namespace, batch.name);
      return found.status?.observedGeneration === 1 ? found : undefined;
    }, { what: 'batch status written' });
    expect(invalid.status).toEqual({
      observedGeneration: 1,
      conditions: verdict(1, false).conditions.map((condition) => ({ ...condition, observedGeneration: 1, lastTransitionTime: expect.any(String) })),
      memberConditions: [{ target: db, conditions: [{ ...verdict(1, false).memberConditions[0]!.conditions[0]!, observedGeneration: 1, lastTransitionTime: expect.any(String) }] }],
    });
    const warnings = await eventually(async () => {
      const found = await fixtures.eventsAbout(batch.uid);
      return found.length > 0 && found.every((e) => e.count === 2) ? found : undefined;
    }, { what: 'the Warning Event on the batch, counted twice' });
    // RepositoryFound and ValidationPassed fail with the same reason and message: one Event, counted twice.
    expect(warnings.map((e) => [e.type, e.reason, e.message, e.count, e.involvedObject.kind])).toEqual([
      ['Warning', 'RepositoryNotAvailable', `Repository ${namespace}/local-repo does not exist.`, 2, 'BackupBatch'],
    ]);
  }, TEST_TIMEOUT_MS);

  it('takes a newer generation\'s verdict and ignores an older one delivered late', async () => {
    await publish(verdict(2, true), 'gen-2');
    await eventually(async () => (await fixtures.batches.get(namespace, batch.name)).status?.observedGeneration === 2, { what: 'generation 2 observed' });
    const processed = await fixtures.batches.get(namespace, batch.name);
    const unchanged = () => counterValue(status, 'restash_status_events_processed_total', { type: 'batch-validated', result: 'unchanged' });
    const unchangedBefore = await unchanged();
    await publish(verdict(1, false), 'gen-1-late');
    await publish({ ...verdict(2, true), memberConditions: [] }, 'gen-2-again');
    await eventually(async () => (await unchanged()) >= unchangedBefore + 2, { what: 'both verdicts processed' });
    const after = await fixtures.batches.get(namespace, batch.name);
    expect(after.metadata.resourceVersion).toBe(processed.metadata.resourceVersion);
    expect(after.status?.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['RepositoryFound', 'True'],
      ['ValidationPassed', 'True'],
    ]);
  }, TEST_TIMEOUT_MS);

  it('merges the injector\'s member condition and records its Event on the workload', async () => {
    const wordpress = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' };
    const workload = { ...wordpress, namespace, uid: `deploy-${batch.uid}` };
    const condition = { type: 'StashSidecarInjected', status: 'True' as const, reason: 'SidecarInjected', message: 'Injected the stash sidecar into Deployment wordpress.' };
    await fixtures.publisher.publish(SUBJECTS.batchStatus, { type: 'member-condition', batch, generation: 2, target: wordpress, condition, workload }, `${batch.uid}:injected`);
    const updated = await eventually(async () => {
      const found = await fixtures.batches.get(namespace, batch.name);
      return found.status?.memberConditions?.length === 2 ? found : undefined;
    }, { what: 'member condition merged' });
    expect(updated.status?.memberConditions?.[1]).toEqual({ target: wordpress, conditions: [{ ...condition, observedGeneration: 2, lastTransitionTime: expect.any(String) }] });
    const events = await eventually(async () => {
      const found = await fixtures.eventsAbout(workload.uid);
      return found.length > 0 ? found : undefined;
    }, { what: 'Event on the workload' });
    expect(events.map((e) => [e.type, e.reason, e.message, e.involvedObject.kind, e.involvedObject.name])).toEqual([
      ['Normal', 'SidecarInjected', condition.message, 'Deployment', 'wordpress'],
    ]);
  }, TEST_TIMEOUT_MS);
});
