import type { Repository, RestoreBatch, RestoreBatchSpec } from '@restash/api';
import type { BatchFacts } from './batch-facts.js';
import { judgeMalformedRestore, judgeRestore } from './judge-restore.js';

const appBinding = { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' };
const restore = (spec: Partial<RestoreBatchSpec> = {}): RestoreBatch => ({
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'RestoreBatch',
  metadata: { name: 'restore-1', namespace: 'demo', uid: 'r1' },
  spec: { repository: { name: 'repo' }, members: [{ target: { ref: appBinding } }], ...spec },
});
const repository: Repository = {
  apiVersion: 'stash.appscode.com/v1alpha1',
  kind: 'Repository',
  metadata: { name: 'repo', namespace: 'demo' },
  spec: { backend: { local: { mountPath: '/backup', hostPath: { path: '/tmp/backup' } }, storageSecretName: 'repo-secret' } },
};
const facts = (overrides: Partial<BatchFacts> = {}): BatchFacts => ({ repository, secretKeys: ['RESTIC_PASSWORD'], targetsFound: [true], ...overrides });
const statuses = (verdict: ReturnType<typeof judgeRestore>) => verdict.conditions.map((c) => [c.type, c.status]);

describe('judgeRestore', () => {
  it('lets a RestoreBatch run when its Repository, password, members and targets are there', () => {
    const verdict = judgeRestore(restore(), facts());
    expect(statuses(verdict)).toEqual([['RepositoryFound', 'True'], ['BackendSecretFound', 'True'], ['ValidationPassed', 'True']]);
    expect(verdict.conditions[2]!.message).toBe('The RestoreBatch is valid.');
    expect(verdict.memberConditions).toEqual([{ target: appBinding, conditions: [expect.objectContaining({ type: 'RestoreTargetFound', status: 'True', message: 'Restore target AppBinding demo/mariadb exists.' })] }]);
    expect(verdict.invalid).toBeUndefined();
  });

  it('makes it Invalid without its Repository, saying so (the Secret is then not checked)', () => {
    const verdict = judgeRestore(restore(), facts({ repository: undefined, secretKeys: undefined }));
    expect(statuses(verdict)).toEqual([['RepositoryFound', 'False'], ['BackendSecretFound', 'Unknown'], ['ValidationPassed', 'True']]);
    expect(verdict.invalid).toBe('Repository demo/repo does not exist.');
  });

  it('makes it Invalid without members, with an unsupported kind, or with a missing target', () => {
    expect(judgeRestore(restore({ members: [] }), facts({ targetsFound: [] })).invalid).toBe('spec.members is empty: a batch needs at least one member');
    const pod = judgeRestore(restore({ members: [{ target: { ref: { apiVersion: 'v1', kind: 'Pod', name: 'p' } } }] }), facts({ targetsFound: [undefined] }));
    expect(pod.invalid).toContain('spec.members[0].target.ref.kind: Pod is not supported');
    expect(pod.invalid).toContain('Kind Pod cannot be restored.');
    expect(judgeRestore(restore(), facts({ targetsFound: [false] })).invalid).toBe('Restore target AppBinding demo/mariadb does not exist.');
  });

  it('reports the schema errors of a malformed RestoreBatch', () => {
    expect(judgeMalformedRestore(['spec.members: must be array']).invalid).toBe('spec.members: must be array');
  });
});
