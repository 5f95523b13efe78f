import type { BackupMember } from '@restash/api';
import { sidecarApplyObject, type SidecarInput } from './sidecar-template.js';

const member: BackupMember = {
  target: {
    ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' },
    volumeMounts: [{ name: 'wordpress-persistent-storage', mountPath: '/var/www/html' }],
    paths: ['/var/www/html'],
  },
  runtimeSettings: { container: { resources: { limits: { memory: '256Mi' } }, nice: { adjustment: 5 } } },
};
const input: SidecarInput = {
  workload: { kind: 'Deployment', namespace: 'demo', name: 'wordpress' },
  workloadUid: 'wp-uid-1',
  member,
  image: 'ghcr.io/restash/restash:1.0',
  natsUrl: 'nats://nats.restash:4222',
  secretName: 'stash-repository-deployment-wordpress',
  natsAccess: {},
  localBackend: undefined,
};

describe('sidecarApplyObject', () => {
  it('holds only the stash container and its volumes, nothing the user owns', () => {
    const object = sidecarApplyObject(input) as unknown as { spec: { template: { spec: Record<string, unknown> } } } & Record<string, unknown>;
    expect(Object.keys(object).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(object['metadata']).toEqual({ name: 'wordpress', namespace: 'demo' });
    expect(Object.keys(object.spec)).toEqual(['template']);
    expect(Object.keys(object.spec.template.spec).sort()).toEqual(['containers', 'volumes']);
    expect(object.spec.template.spec['volumes']).toEqual([
      { name: 'stash-tmp', emptyDir: {} },
      { name: 'stash-repository', secret: { secretName: 'stash-repository-deployment-wordpress', optional: true } },
    ]);
  });

  it('runs the agent with the member volumes read-only, its identity from the downward API and the member resources', () => {
    const [container] = (sidecarApplyObject(input) as unknown as { spec: { template: { spec: { containers: Array<Record<string, unknown>> } } } }).spec.template.spec.containers;
    expect(container).toMatchObject({ name: 'stash', image: 'ghcr.io/restash/restash:1.0', args: ['agent'], resources: { limits: { memory: '256Mi' } } });
    expect(container!['volumeMounts']).toEqual([
      { name: 'wordpress-persistent-storage', mountPath: '/var/www/html', readOnly: true },
      { name: 'stash-tmp', mountPath: '/tmp' },
      { name: 'stash-repository', mountPath: '/etc/restash/repository', readOnly: true },
    ]);
    const env = Object.fromEntries((container!['env'] as Array<{ name: string; value?: string; valueFrom?: { fieldRef: { fieldPath: string } } }>).map((e) => [e.name, e.value ?? `field:${e.valueFrom!.fieldRef.fieldPath}`]));
    expect(env).toEqual({
      NAMESPACE: 'field:metadata.namespace',
      POD_NAME: 'field:metadata.name',
      NODE_NAME: 'field:spec.nodeName',
      POD_IP: 'field:status.podIP',
      TARGET_KIND: 'Deployment',
      TARGET_NAME: 'wordpress',
      TARGET_UID: 'wp-uid-1',
      NATS_URL: 'nats://nats.restash:4222',
      RESTASH_REPOSITORY_FILE: '/etc/restash/repository/repository.json',
      RESTIC_CACHE_DIR: '/tmp/restic-cache',
    });
    expect(container).not.toHaveProperty('nice');
  });

  it('takes NATS credentials by reference to its Secret and the TLS CA from the mounted Secret, never as values', () => {
    const natsAccess = { 'nats-user': 'restash', 'nats-password': 'pw-123456', 'nats-ca.crt': 'CA PEM' };
    const object = sidecarApplyObject({ ...input, natsAccess });
    const [container] = (object as unknown as { spec: { template: { spec: { containers: Array<{ env: unknown[] }> } } } }).spec.template.spec.containers;
    expect(container!.env).toEqual(expect.arrayContaining([
      { name: 'NATS_USER', valueFrom: { secretKeyRef: { name: 'stash-repository-deployment-wordpress', key: 'nats-user', optional: true } } },
      { name: 'NATS_PASSWORD', valueFrom: { secretKeyRef: { name: 'stash-repository-deployment-wordpress', key: 'nats-password', optional: true } } },
      { name: 'NATS_TLS_CA_FILE', value: '/etc/restash/repository/nats-ca.crt' },
    ]));
    expect(JSON.stringify(object)).not.toContain('pw-123456');
  });

  it('mounts a local backend where the Repository says, and uses v1 for a ReplicationController', () => {
    const object = sidecarApplyObject({
      ...input,
      workload: { kind: 'ReplicationController', namespace: 'demo', name: 'web' },
      localBackend: { mountPath: '/safe/data', subPath: 'x', hostPath: { path: '/tmp/repo', type: 'DirectoryOrCreate' } },
    }) as unknown as { apiVersion: string; spec: { template: { spec: { volumes: unknown[]; containers: Array<{ volumeMounts: unknown[] }> } } } };
    expect(object.apiVersion).toBe('v1');
    expect(object.spec.template.spec.volumes).toContainEqual({ name: 'stash-local-backend', hostPath: { path: '/tmp/repo', type: 'DirectoryOrCreate' } });
    expect(object.spec.template.spec.containers[0]!.volumeMounts).toContainEqual({ name: 'stash-local-backend', mountPath: '/safe/data' });
  });

  it('is the same object every time for the same input (re-applying changes nothing)', () => {
    expect(JSON.stringify(sidecarApplyObject(input))).toBe(JSON.stringify(sidecarApplyObject(structuredClone(input))));
  });
});
