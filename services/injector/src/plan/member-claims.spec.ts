import type { BackupBatch, BackupMember } from '@restash/api';
import { claimsOn, memberWorkload, workloadsNamedBy } from './member-claims.js';

const member = (kind: string, name: string, namespace?: string): BackupMember => ({ target: { ref: { apiVersion: 'apps/v1', kind, name, ...(namespace && { namespace }) } } });
const batch = (name: string, created: string, members: BackupMember[], deleting = false): BackupBatch => ({
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupBatch',
  metadata: { name, namespace: 'demo', uid: `uid-${name}`, creationTimestamp: created, ...(deleting && { deletionTimestamp: created }) },
  spec: { retentionPolicy: { name: 'keep', keepLast: 1, prune: false }, members },
});
const wordpress = { kind: 'Deployment', namespace: 'demo', name: 'wordpress' } as const;

describe('member claims', () => {
  it('names only sidecar-model workloads, in the batch namespace unless the ref says otherwise', () => {
    const b = batch('b', '2026-01-01T00:00:00Z', [member('Deployment', 'wordpress'), member('AppBinding', 'db'), member('StatefulSet', 'pg', 'data'), member('PersistentVolumeClaim', 'x')]);
    expect(workloadsNamedBy(b)).toEqual([wordpress, { kind: 'StatefulSet', namespace: 'data', name: 'pg' }]);
    expect(memberWorkload(b, member('AppBinding', 'db'))).toBeUndefined();
  });

  it('gives a workload named by several batches to the oldest, then by name, ignoring batches being deleted', () => {
    const newer = batch('a-newer', '2026-02-01T00:00:00Z', [member('Deployment', 'wordpress')]);
    const older = batch('z-older', '2026-01-01T00:00:00Z', [member('Deployment', 'wordpress')]);
    const sameAge = batch('m-same', '2026-01-01T00:00:00Z', [member('Deployment', 'wordpress')]);
    const deleting = batch('0-deleting', '2025-01-01T00:00:00Z', [member('Deployment', 'wordpress')], true);
    const claims = claimsOn([newer, deleting, older, sameAge], wordpress);
    expect(claims.map((c) => c.batch.metadata.name)).toEqual(['m-same', 'z-older', 'a-newer']);
  });

  it('takes the first member of a batch that names the workload, and none for another kind of the same name', () => {
    const first = member('Deployment', 'wordpress');
    const b = batch('b', '2026-01-01T00:00:00Z', [member('StatefulSet', 'wordpress'), first, member('Deployment', 'wordpress')]);
    expect(claimsOn([b], wordpress)).toEqual([{ batch: b, member: first }]);
    expect(claimsOn([b], { kind: 'DaemonSet', namespace: 'demo', name: 'wordpress' })).toEqual([]);
  });
});
