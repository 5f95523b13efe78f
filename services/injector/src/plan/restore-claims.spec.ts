import type { RestoreBatch, RestoreBatchStatus, RestoreMember } from '@restash/api';
import { restoreClaimsOn } from './restore-claims.js';

const wordpressRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' };
const member: RestoreMember = { target: { ref: wordpressRef, volumeMounts: [{ name: 'data', mountPath: '/var/www/html' }] } };
const ensured = (status: 'True' | 'False') => ({ type: 'RestoreExecutorEnsured', status });
const restore = (name: string, status: RestoreBatchStatus, created = '2026-01-01T00:00:00Z', deleting = false): RestoreBatch => ({
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'RestoreBatch',
  metadata: { name, namespace: 'demo', uid: `uid-${name}`, creationTimestamp: created, ...(deleting && { deletionTimestamp: created }) },
  spec: { members: [{ target: { ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'x' } } }, member] },
  status,
});
const started = (phase: RestoreBatchStatus['phase'], condition = ensured('True')): RestoreBatchStatus => ({ phase, members: [{ ref: wordpressRef, phase: 'Running', conditions: [condition] }] });
const wordpress = { kind: 'Deployment', namespace: 'demo', name: 'wordpress' } as const;
const names = (restores: RestoreBatch[]) => restoreClaimsOn(restores, wordpress).map((claim) => claim.batch.metadata.name);

describe('restoreClaimsOn', () => {
  it('claims the workload once the executor started its member, until the RestoreBatch is final', () => {
    expect(names([restore('pending', { phase: 'Running', members: [{ ref: wordpressRef, phase: 'Pending' }] })])).toEqual([]);
    expect(names([restore('running', started('Running'))])).toEqual(['running']);
    expect(restoreClaimsOn([restore('running', started('Running'))], wordpress)[0]!.member).toBe(member);
    for (const phase of ['Succeeded', 'Failed', 'Invalid', 'Unknown'] as const) expect(names([restore(phase, started(phase))])).toEqual([]);
  });

  it('never claims for a member that failed before it started (its preRestore hook), nor for a RestoreBatch being deleted', () => {
    expect(names([restore('hook-failed', started('Running', ensured('False')))])).toEqual([]);
    expect(names([restore('deleting', started('Running'), '2026-01-01T00:00:00Z', true)])).toEqual([]);
  });

  it('puts the oldest RestoreBatch first', () => {
    expect(names([restore('newer', started('Running'), '2026-02-01T00:00:00Z'), restore('older', started('Running'))])).toEqual(['older', 'newer']);
  });
});
