import type { BackupBatch } from '@restash/api';
import type { MemberRepository } from '@restash/events';
import { repositorySecret, repositorySecretName, secretIsCurrent } from './repository-secret.js';

const batch = { apiVersion: 'stash.appscode.com/v1beta1', kind: 'BackupBatch', metadata: { name: 'wp-backup', namespace: 'demo', uid: 'u1' }, spec: {} } as unknown as BackupBatch;
const repository: MemberRepository = { ref: { namespace: 'demo', name: 'repo' }, path: 'deployment/wordpress', restic: { url: '/safe/data/deployment/wordpress', redactedUrl: '/safe/data/deployment/wordpress', password: 'pw', env: {} } };
const wordpress = { kind: 'Deployment', namespace: 'demo', name: 'wordpress' } as const;

describe('the repository Secret', () => {
  it('is named for the workload and holds repository.json, owned by the batch', () => {
    const secret = repositorySecret(wordpress, batch, repository);
    expect(repositorySecretName(wordpress)).toBe('stash-repository-deployment-wordpress');
    expect(secret.metadata).toMatchObject({
      name: 'stash-repository-deployment-wordpress',
      namespace: 'demo',
      labels: { 'app.kubernetes.io/managed-by': 'restash-injector' },
      annotations: { 'restash.dev/workload': 'Deployment/demo/wordpress' },
      ownerReferences: [{ apiVersion: 'stash.appscode.com/v1beta1', kind: 'BackupBatch', name: 'wp-backup', uid: 'u1', controller: true }],
    });
    expect(JSON.parse(Buffer.from(secret.data!['repository.json']!, 'base64').toString())).toEqual(repository);
  });

  it('carries the NATS access entries the sidecar refers to, in the API server\'s key order', () => {
    const secret = repositorySecret(wordpress, batch, repository, { 'nats-user': 'restash', 'nats-password': 'pw-1234', 'nats-ca.crt': 'CA' });
    expect(Object.keys(secret.data!)).toEqual(['nats-ca.crt', 'nats-password', 'nats-user', 'repository.json']);
    expect(Buffer.from(secret.data!['nats-password']!, 'base64').toString()).toBe('pw-1234');
  });

  it('has no owner across namespaces (owner references cannot cross them)', () => {
    expect(repositorySecret({ ...wordpress, namespace: 'web' }, batch, repository).metadata!.ownerReferences).toEqual([]);
  });

  it('is rewritten only when its content or owner changed', () => {
    const desired = repositorySecret(wordpress, batch, repository);
    expect(secretIsCurrent(undefined, desired)).toBe(false);
    expect(secretIsCurrent({ ...desired, metadata: { ...desired.metadata, resourceVersion: '7' } }, desired)).toBe(true);
    const rotated = repositorySecret(wordpress, batch, { ...repository, restic: { ...repository.restic, password: 'new' } });
    expect(secretIsCurrent(desired, rotated)).toBe(false);
  });
});
