import {
  validateBackupBatch,
  type BackupBatch,
  type BackupBatchSpec,
  type Condition,
  type Repository,
  type RepositorySpec,
} from '@restash/api';
import type { BatchFacts } from './batch-facts.js';
import { targetAddress } from './batch-references.js';
import { judgeBatch, judgeMalformedBatch, type BatchVerdict } from './judge-batch.js';

const appBinding = { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' };
const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'data' };

function batch(spec: Partial<BackupBatchSpec> = {}, name = 'nightly'): BackupBatch {
  return {
    apiVersion: 'stash.appscode.com/v1beta1',
    kind: 'BackupBatch',
    metadata: { name, namespace: 'demo', uid: 'u1', generation: 3 },
    spec: {
      repository: { name: 'repo' },
      schedule: '@every 3s',
      retentionPolicy: { name: 'keep-last-2', keepLast: 2, prune: true },
      members: [{ target: { alias: 'db', ref: appBinding } }, { target: { alias: 'files', ref: pvc }, dependsOn: ['db'] }],
      ...spec,
    },
  };
}

function repository(namespace = 'demo', spec: Partial<RepositorySpec> = {}): Repository {
  return {
    apiVersion: 'stash.appscode.com/v1alpha1',
    kind: 'Repository',
    metadata: { name: 'repo', namespace },
    spec: { backend: { local: { mountPath: '/backup', hostPath: { path: '/tmp/backup' } }, storageSecretName: 'repo-secret' }, ...spec },
  };
}

const facts = (overrides: Partial<BatchFacts> = {}): BatchFacts => ({
  repository: repository(),
  secretKeys: ['RESTIC_PASSWORD'],
  targetsFound: [true, true],
  ...overrides,
});

const find = (verdict: BatchVerdict, type: string): Condition => verdict.conditions.find((c) => c.type === type)!;
const summary = (c: Condition) => [c.status, c.reason, c.message];

describe('judgeBatch', () => {
  it('finds a complete batch valid and schedules it', () => {
    const verdict = judgeBatch(batch(), facts());
    expect(verdict.conditions.map((c) => [c.type, c.status, c.reason, c.observedGeneration])).toEqual([
      ['RepositoryFound', 'True', 'RepositoryAvailable', 3],
      ['BackendSecretFound', 'True', 'BackendSecretAvailable', 3],
      ['ValidationPassed', 'True', 'ResourceValidationPassed', 3],
      ['ScheduleRegistered', 'True', 'ScheduleRegistered', 3],
    ]);
    expect(find(verdict, 'ScheduleRegistered').message).toBe('A session is created at each slot of "@every 3s".');
    expect(verdict.memberConditions).toEqual([
      {
        target: appBinding,
        conditions: [
          {
            type: 'BackupTargetFound',
            status: 'True',
            reason: 'TargetAvailable',
            message: 'Backup target AppBinding demo/mariadb exists.',
            observedGeneration: 3,
          },
        ],
      },
      { target: pvc, conditions: [expect.objectContaining({ type: 'BackupTargetFound', status: 'True' })] },
    ]);
    expect(verdict.schedule?.text).toBe('@every 3s');
  });

  it('reports a missing Repository and does not schedule', () => {
    const verdict = judgeBatch(batch(), facts({ repository: undefined, secretKeys: undefined }));
    expect(summary(find(verdict, 'RepositoryFound'))).toEqual(['False', 'RepositoryNotAvailable', 'Repository demo/repo does not exist.']);
    expect(summary(find(verdict, 'BackendSecretFound'))).toEqual([
      'Unknown',
      'RepositoryNotAvailable',
      'The backend Secret is not checked until the Repository is available.',
    ]);
    expect(summary(find(verdict, 'ScheduleRegistered'))).toEqual([
      'False',
      'NotReady',
      'No sessions are scheduled until RepositoryFound, BackendSecretFound are True.',
    ]);
    expect(verdict.schedule).toBeUndefined();
    expect(summary(find(judgeBatch(batch({ repository: undefined }), facts({ repository: undefined })), 'RepositoryFound'))).toEqual([
      'False',
      'RepositoryNotAvailable',
      'spec.repository is not set.',
    ]);
  });

  it("honours the Repository's usagePolicy for a batch in another namespace", () => {
    const elsewhere = batch({ repository: { name: 'repo', namespace: 'backups' } });
    const sameOnly = judgeBatch(elsewhere, facts({ repository: repository('backups') }));
    expect(summary(find(sameOnly, 'RepositoryFound'))).toEqual([
      'False',
      'RepositoryNotAllowed',
      'Repository backups/repo may not be used from namespace demo: its usagePolicy.allowedNamespaces.from is Same.',
    ]);
    expect(find(sameOnly, 'BackendSecretFound').status).toBe('Unknown');
    const all = repository('backups', { usagePolicy: { allowedNamespaces: { from: 'All' } } });
    expect(find(judgeBatch(elsewhere, facts({ repository: all })), 'RepositoryFound').status).toBe('True');
    const bySelector = repository('backups', {
      usagePolicy: {
        allowedNamespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['web', 'db'] }] } },
      },
    });
    expect(find(judgeBatch(elsewhere, facts({ repository: bySelector, namespaceLabels: { team: 'web' } })), 'RepositoryFound').status).toBe(
      'True',
    );
    const refused = judgeBatch(elsewhere, facts({ repository: bySelector, namespaceLabels: { team: 'ops' } }));
    expect(find(refused, 'RepositoryFound').message).toBe(
      "Repository backups/repo may not be used from namespace demo: its usagePolicy.allowedNamespaces.selector does not match the namespace's labels.",
    );
  });

  it('reports a missing backend Secret, one without RESTIC_PASSWORD, and a Repository that names none', () => {
    expect(summary(find(judgeBatch(batch(), facts({ secretKeys: undefined })), 'BackendSecretFound'))).toEqual([
      'False',
      'BackendSecretNotAvailable',
      'Backend Secret demo/repo-secret does not exist.',
    ]);
    expect(summary(find(judgeBatch(batch(), facts({ secretKeys: ['AWS_ACCESS_KEY_ID'] })), 'BackendSecretFound'))).toEqual([
      'False',
      'ResticPasswordMissing',
      'Backend Secret demo/repo-secret has no RESTIC_PASSWORD.',
    ]);
    const unnamed = repository('demo', { backend: { local: { mountPath: '/backup' } } });
    expect(find(judgeBatch(batch(), facts({ repository: unnamed })), 'BackendSecretFound').message).toBe(
      'Repository demo/repo sets no spec.backend.storageSecretName.',
    );
  });

  it.each([
    [
      'a bad schedule',
      { schedule: '61 * * * *' },
      'ResourceValidationFailed',
      'spec.schedule: invalid cron expression "61 * * * *": Constraint error, got value 61 expected range 0-59',
    ],
    ['no members', { members: [] }, 'ResourceValidationFailed', 'spec.members is empty: a batch needs at least one member'],
    [
      'an unsupported target kind',
      { members: [{ target: { ref: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'x' } } }] },
      'ResourceValidationFailed',
      'spec.members[0].target.ref.kind: CronJob is not supported (use Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PersistentVolumeClaim, AppBinding)',
    ],
    [
      'a repeated alias',
      { members: [{ target: { alias: 'a', ref: pvc } }, { target: { alias: 'a', ref: appBinding } }] },
      'ResourceValidationFailed',
      'spec.members[1].target.alias: "a" is already the alias of spec.members[0]',
    ],
    [
      'dependsOn naming no member',
      { members: [{ target: { alias: 'a', ref: pvc }, dependsOn: ['b'] }] },
      'ResourceValidationFailed',
      'spec.members[0].dependsOn: no member has the alias "b"',
    ],
    [
      'a dependency cycle',
      {
        members: [
          { target: { alias: 'a', ref: pvc }, dependsOn: ['c'] },
          { target: { alias: 'b', ref: pvc }, dependsOn: ['a'] },
          { target: { alias: 'c', ref: appBinding }, dependsOn: ['b'] },
        ],
      },
      'ResourceValidationFailed',
      'spec.members[].dependsOn: members depend on each other in a cycle (a → c → b → a)',
    ],
    [
      'the VolumeSnapshotter driver',
      { driver: 'VolumeSnapshotter' as const },
      'Unsupported',
      'spec.driver: VolumeSnapshotter is not supported; use Restic',
    ],
  ])('fails validation for %s', (_case, spec, reason, message) => {
    const verdict = judgeBatch(batch(spec), facts());
    expect(summary(find(verdict, 'ValidationPassed'))).toEqual(['False', reason, message]);
    expect(find(verdict, 'ScheduleRegistered').reason).toBe('NotReady');
    expect(verdict.schedule).toBeUndefined();
  });

  it('lists every problem and takes the reason of the first', () => {
    const verdict = judgeBatch(batch({ driver: 'VolumeSnapshotter', schedule: 'hourly' }), facts());
    expect(summary(find(verdict, 'ValidationPassed'))).toEqual([
      'False',
      'Unsupported',
      'spec.driver: VolumeSnapshotter is not supported; use Restic; spec.schedule: "hourly" has 1 fields; expected 5 (minute hour day-of-month month day-of-week)',
    ]);
  });

  it('rejects a batch name too long for the invoker label its sessions carry', () => {
    const verdict = judgeBatch(batch({}, 'b'.repeat(64)), facts());
    expect(find(verdict, 'ValidationPassed').message).toBe(
      'metadata.name: at most 63 characters, as sessions carry it in the stash.appscode.com/invoker-name label',
    );
  });

  it('marks a missing target and a target of an unsupported kind per member', () => {
    const missing = judgeBatch(batch(), facts({ targetsFound: [true, false] }));
    expect(summary(missing.memberConditions[1]!.conditions[0]!)).toEqual([
      'False',
      'TargetNotAvailable',
      'Backup target PersistentVolumeClaim demo/data does not exist.',
    ]);
    expect(find(missing, 'ScheduleRegistered').message).toBe('No sessions are scheduled until BackupTargetFound is True.');
    const unsupported = judgeBatch(
      batch({ members: [{ target: { ref: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'x' } } }] }),
      facts({ targetsFound: [undefined] }),
    );
    expect(summary(unsupported.memberConditions[0]!.conditions[0]!)).toEqual([
      'False',
      'UnsupportedTargetKind',
      'Kind CronJob cannot be backed up.',
    ]);
  });

  it('does not schedule a paused batch or one without a schedule', () => {
    const paused = judgeBatch(batch({ paused: true }), facts());
    expect(summary(find(paused, 'ScheduleRegistered'))).toEqual([
      'False',
      'Paused',
      'The BackupBatch is paused: no sessions are scheduled.',
    ]);
    expect(paused.schedule).toBeUndefined();
    const manual = judgeBatch(batch({ schedule: undefined }), facts());
    expect(summary(find(manual, 'ScheduleRegistered'))).toEqual([
      'False',
      'NoSchedule',
      'spec.schedule is not set: sessions run only when created by hand.',
    ]);
    expect(find(manual, 'ValidationPassed').status).toBe('True');
  });

  it('reports the schema errors of a malformed batch without checking anything else', () => {
    const malformed = { ...batch(), spec: { ...batch().spec, members: 'all of them' } } as unknown as BackupBatch;
    const result = validateBackupBatch(malformed);
    expect(result.ok).toBe(false);
    const verdict = judgeMalformedBatch(malformed, result.ok ? [] : result.errors);
    expect(verdict.conditions.map((c) => [c.type, c.status])).toEqual([
      ['RepositoryFound', 'Unknown'],
      ['BackendSecretFound', 'Unknown'],
      ['ValidationPassed', 'False'],
      ['ScheduleRegistered', 'False'],
    ]);
    expect(find(verdict, 'ValidationPassed').message).toMatch(/^spec\.members: /);
    expect(verdict.schedule).toBeUndefined();
  });
});

describe('targetAddress', () => {
  it('reads workloads at their served version and AppBindings in the appcatalog group whatever the manifest says', () => {
    expect(targetAddress({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', name: 'wp' }, 'demo')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'demo',
      name: 'wp',
    });
    expect(targetAddress({ apiVersion: 'apps/v1', kind: 'AppBinding', name: 'db', namespace: 'data' }, 'demo')).toEqual({
      apiVersion: 'appcatalog.appscode.com/v1alpha1',
      kind: 'AppBinding',
      namespace: 'data',
      name: 'db',
    });
    expect(targetAddress({ apiVersion: 'appcatalog.appscode.com/v1', kind: 'AppBinding', name: 'db' }, 'demo').apiVersion).toBe(
      'appcatalog.appscode.com/v1',
    );
  });
});
