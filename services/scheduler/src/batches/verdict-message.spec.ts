import type { BackupBatch, BackupBatchStatus } from '@restash/api';
import { judgeBatch } from '../validation/judge-batch.js';
import { batchValidated, statusShowsVerdict, verdictMessageId } from './verdict-message.js';

function batch(status?: BackupBatchStatus, generation = 4): BackupBatch {
  return {
    apiVersion: 'stash.appscode.com/v1beta1',
    kind: 'BackupBatch',
    metadata: { name: 'nightly', namespace: 'demo', uid: 'batch-uid', generation },
    spec: {
      repository: { name: 'repo' },
      schedule: '@daily',
      retentionPolicy: { name: 'keep', keepLast: 1, prune: false },
      members: [{ target: { ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'data' } } }],
    },
    ...(status ? { status } : {}),
  };
}

const repository = {
  apiVersion: 'stash.appscode.com/v1alpha1',
  kind: 'Repository',
  metadata: { name: 'repo', namespace: 'demo' },
  spec: { backend: { local: { mountPath: '/b' }, storageSecretName: 's' } },
};
const found = (b: BackupBatch) => judgeBatch(b, { repository, secretKeys: ['RESTIC_PASSWORD'], targetsFound: [true] });
const missing = (b: BackupBatch) => judgeBatch(b, { targetsFound: [true] });
const shown = (b: BackupBatch, verdict = found(b)): BackupBatchStatus => ({ observedGeneration: b.metadata.generation, ...verdict });

describe('the BatchValidated message', () => {
  it("carries the batch's identity, generation and conditions", () => {
    const message = batchValidated(batch(), found(batch()));
    expect(message).toMatchObject({
      type: 'batch-validated',
      batch: { namespace: 'demo', name: 'nightly', uid: 'batch-uid' },
      generation: 4,
    });
    expect(message.conditions.map((c) => c.type)).toEqual([
      'RepositoryFound',
      'BackendSecretFound',
      'ValidationPassed',
      'ScheduleRegistered',
    ]);
    expect(message.memberConditions).toHaveLength(1);
  });

  it('has an id that stays the same for the same verdict and changes with it', () => {
    const id = verdictMessageId(batch(), found(batch()));
    expect(id).toMatch(/^batch-uid:validated:4:[0-9a-f]{16}$/);
    expect(verdictMessageId(batch(), found(batch()))).toBe(id);
    expect(verdictMessageId(batch(), missing(batch()))).not.toBe(id);
    expect(verdictMessageId(batch(undefined, 5), found(batch(undefined, 5)))).toMatch(/^batch-uid:validated:5:/);
  });

  it('gets a new id when a verdict comes back after another one was shown (True → False → True)', () => {
    const first = verdictMessageId(batch(), found(batch()));
    const afterFalse = batch(shown(batch(), missing(batch())));
    expect(verdictMessageId(afterFalse, found(afterFalse))).not.toBe(first);
  });

  it('is not needed when the status already shows the verdict for this generation', () => {
    const current = batch(shown(batch()));
    expect(statusShowsVerdict(current, found(current))).toBe(true);
    expect(statusShowsVerdict(current, missing(current))).toBe(false);
    expect(statusShowsVerdict(batch({ ...shown(batch()), observedGeneration: 3 }), found(batch()))).toBe(false);
    const withInjectorConditions = batch({
      ...shown(batch()),
      conditions: [...shown(batch()).conditions!, { type: 'StashSidecarInjected', status: 'True' }],
    });
    expect(statusShowsVerdict(withInjectorConditions, found(withInjectorConditions))).toBe(true);
  });
});
