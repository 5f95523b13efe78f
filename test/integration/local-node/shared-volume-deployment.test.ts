import { KubeClient } from '@restash/kube';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { waitForReadyPods } from '../../support/pod-waits.js';
import { stackDir } from '../../support/stack-env.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
let namespace: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-shared');
});
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

describe('a 2-replica Deployment of restash’s image on one claim', () => {
  it('lets each process see the claim at /data', async () => {
    await kube.core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: { metadata: { name: 'shared' }, spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } } },
    });
    await kube.apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'writer' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'writer' } },
          template: {
            metadata: { labels: { app: 'writer' } },
            spec: {
              containers: [
                {
                  name: 'writer',
                  image: 'restash:dev',
                  command: ['sh', '-c', 'echo "$POD_NAME saw /data" > "/data/$POD_NAME" && exec sleep 3600'],
                  env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
                  volumeMounts: [{ name: 'shared', mountPath: '/data' }],
                },
              ],
              volumes: [{ name: 'shared', persistentVolumeClaim: { claimName: 'shared' } }],
            },
          },
        },
      },
    });
    const pods = await waitForReadyPods(kube, namespace, 'app=writer', 2);
    const claimDir = join(stackDir, 'volumes', namespace, 'shared');
    for (const pod of pods) {
      const name = pod.metadata!.name!;
      const file = join(claimDir, name);
      await eventually(async () => existsSync(file), { timeoutMs: 10_000, what: `${file}` });
      expect(readFileSync(file, 'utf8')).toBe(`${name} saw /data\n`);
      // /data is the claim only inside the pod's mount namespace, never on the host itself.
      expect(existsSync(join('/data', name))).toBe(false);
    }
    const claim = await eventually(
      async () => {
        const current = await kube.core.readNamespacedPersistentVolumeClaim({ name: 'shared', namespace });
        return current.status?.phase === 'Bound' ? current : undefined;
      },
      { what: 'claim shared Bound' },
    );
    expect(claim.spec?.volumeName).toBe(`local-${namespace}-shared`);
  }, 60_000);
});
