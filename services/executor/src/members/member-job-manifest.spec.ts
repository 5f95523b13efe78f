import { memberJobManifest, restoreOwner, runSpecSecretManifest, sessionOwner, type MemberJobInput } from './member-job-manifest.js';

const input = (overrides: Partial<MemberJobInput>): MemberJobInput => ({
  name: 'nightly-1-files',
  owner: sessionOwner({ namespace: 'demo', name: 'nightly-1', uid: 's1' }),
  command: 'job',
  memberKey: 'files',
  target: { ref: { kind: 'PersistentVolumeClaim', name: 'files' }, volumeMounts: [{ name: 'files', mountPath: '/data' }] },
  localBackend: undefined,
  image: 'restash:dev',
  runtimeSettings: undefined,
  activeDeadlineSeconds: undefined,
  natsAccess: {},
  ...overrides,
});

describe('memberJobManifest', () => {
  it('backs a volume up with `restash job`, mounted read-only, owned and labelled by the session', () => {
    const job = memberJobManifest(input({}));
    expect(job.metadata).toMatchObject({ namespace: 'demo', labels: { 'restash.dev/session': 'nightly-1', 'restash.dev/member': 'files' }, ownerReferences: [{ kind: 'BackupSession', name: 'nightly-1', uid: 's1', controller: true }] });
    const pod = job.spec!.template.spec!;
    expect(pod.containers[0]!.args).toEqual(['job']);
    expect(pod.containers[0]!.volumeMounts).toContainEqual({ name: 'stash-target', mountPath: '/data', readOnly: true });
    expect(pod.volumes).toContainEqual({ name: 'stash-target', persistentVolumeClaim: { claimName: 'files', readOnly: true } });
  });

  it('restores a volume with `restash restore-job`, mounted read-write, owned and labelled by the RestoreBatch', () => {
    const owner = restoreOwner({ namespace: 'demo', name: 'restore-1', uid: 'r1' });
    const job = memberJobManifest(input({ name: 'restore-1-files', owner, command: 'restore-job', activeDeadlineSeconds: 60 }));
    expect(job.metadata).toMatchObject({ labels: { 'restash.dev/restore': 'restore-1' }, ownerReferences: [{ apiVersion: 'stash.appscode.com/v1beta1', kind: 'RestoreBatch', name: 'restore-1', uid: 'r1', controller: true }] });
    expect(job.spec?.activeDeadlineSeconds).toBe(60);
    const pod = job.spec!.template.spec!;
    expect(pod.containers[0]!.args).toEqual(['restore-job']);
    expect(pod.containers[0]!.volumeMounts).toContainEqual({ name: 'stash-target', mountPath: '/data' });
    expect(pod.volumes).toContainEqual({ name: 'stash-target', persistentVolumeClaim: { claimName: 'files' } });
    expect(runSpecSecretManifest('restore-1-files', owner, { runId: 'x' }).metadata).toMatchObject({ labels: { 'restash.dev/restore': 'restore-1' }, ownerReferences: [{ kind: 'RestoreBatch' }] });
  });

  it('gives the runner NATS credentials by reference to its Secret and the TLS files mounted from it, never as values', () => {
    const natsAccess = { 'nats-user': 'restash', 'nats-password': 'pw-123456', 'nats-ca.crt': 'CA PEM' };
    const job = memberJobManifest(input({ natsAccess }));
    const container = job.spec!.template.spec!.containers[0]!;
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'NATS_USER', valueFrom: { secretKeyRef: { name: 'nightly-1-files', key: 'nats-user' } } },
      { name: 'NATS_PASSWORD', valueFrom: { secretKeyRef: { name: 'nightly-1-files', key: 'nats-password' } } },
      { name: 'NATS_TLS_CA_FILE', value: '/etc/restash/nats/nats-ca.crt' },
    ]));
    expect(JSON.stringify(job)).not.toContain('pw-123456');
    expect(container.volumeMounts).toContainEqual({ name: 'stash-nats-tls', mountPath: '/etc/restash/nats', readOnly: true });
    expect(job.spec!.template.spec!.volumes).toContainEqual({ name: 'stash-nats-tls', secret: { secretName: 'nightly-1-files', items: [{ key: 'nats-ca.crt', path: 'nats-ca.crt' }] } });
    expect(runSpecSecretManifest('nightly-1-files', sessionOwner({ namespace: 'demo', name: 'nightly-1', uid: 's1' }), { runId: 'x' }, natsAccess).stringData).toEqual({ ...natsAccess, 'run.json': '{"runId":"x"}' });
  });
});
