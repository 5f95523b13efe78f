import type { RestoreMember } from '@restash/api';
import { initContainerApplyObject, type InitContainerInput } from './init-container-template.js';

const member: RestoreMember = {
  target: {
    ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' },
    volumeMounts: [{ name: 'wordpress-persistent-storage', mountPath: '/var/www/html', readOnly: true }],
    rules: [{ snapshots: ['latest'] }],
  },
  runtimeSettings: { container: { resources: { limits: { memory: '256Mi' } } } },
};
const input: InitContainerInput = {
  workload: { kind: 'Deployment', namespace: 'demo', name: 'wordpress' },
  member,
  restoreUid: 'r1',
  image: 'ghcr.io/restash/restash:1.0',
  secretName: 'stash-restore-deployment-wordpress',
  natsAccess: {},
  localBackend: undefined,
};
type Applied = { metadata: unknown; spec: { template: { spec: { initContainers: Array<Record<string, unknown>>; volumes: unknown[] } & Record<string, unknown> } } };
const applied = (overrides: Partial<InitContainerInput> = {}) => initContainerApplyObject({ ...input, ...overrides }) as unknown as Applied;

describe('initContainerApplyObject', () => {
  it('holds only the stash-init container and its own volumes, named apart from the sidecar’s', () => {
    const object = applied();
    expect(object.metadata).toEqual({ name: 'wordpress', namespace: 'demo' });
    expect(Object.keys(object.spec.template.spec).sort()).toEqual(['initContainers', 'volumes']);
    expect(object.spec.template.spec.volumes).toEqual([
      { name: 'stash-init-tmp', emptyDir: {} },
      { name: 'stash-restore', secret: { secretName: 'stash-restore-deployment-wordpress', optional: true } },
    ]);
  });

  it('runs restore-init with the member’s volumes read-write, its host from the downward API and the RestoreBatch uid', () => {
    const [container] = applied().spec.template.spec.initContainers;
    expect(container).toMatchObject({ name: 'stash-init', image: 'ghcr.io/restash/restash:1.0', args: ['restore-init'], resources: { limits: { memory: '256Mi' } } });
    expect(container!['volumeMounts']).toEqual([
      { name: 'wordpress-persistent-storage', mountPath: '/var/www/html' },
      { name: 'stash-init-tmp', mountPath: '/tmp' },
      { name: 'stash-restore', mountPath: '/etc/restash/restore', readOnly: true },
    ]);
    const env = Object.fromEntries((container!['env'] as Array<{ name: string; value?: string; valueFrom?: { fieldRef: { fieldPath: string } } }>).map((e) => [e.name, e.value ?? `field:${e.valueFrom!.fieldRef.fieldPath}`]));
    expect(env).toEqual({
      NAMESPACE: 'field:metadata.namespace',
      POD_NAME: 'field:metadata.name',
      NODE_NAME: 'field:spec.nodeName',
      RESTORE_UID: 'r1',
      RESTASH_RESTORE_FILE: '/etc/restash/restore/restore.json',
      RESTIC_CACHE_DIR: '/tmp/restic-cache',
    });
  });

  it('changes with the RestoreBatch (a new restore rolls the pods again), not otherwise', () => {
    expect(JSON.stringify(applied())).toBe(JSON.stringify(initContainerApplyObject(structuredClone(input))));
    expect(JSON.stringify(applied({ restoreUid: 'r2' }))).not.toBe(JSON.stringify(applied()));
  });

  it('mounts a local backend where the Repository says', () => {
    const object = applied({ localBackend: { mountPath: '/safe/data', hostPath: { path: '/tmp/repo' } } });
    expect(object.spec.template.spec.volumes).toContainEqual({ name: 'stash-init-backend', hostPath: { path: '/tmp/repo' } });
    expect(object.spec.template.spec.initContainers[0]!['volumeMounts']).toContainEqual({ name: 'stash-init-backend', mountPath: '/safe/data' });
  });
});
