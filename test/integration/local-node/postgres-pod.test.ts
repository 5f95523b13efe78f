import { KubeClient } from '@restash/kube';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { isPodReady, waitForPod } from '../../support/pod-waits.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const run = promisify(execFile);
const kube = new KubeClient();
let namespace: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-postgres');
});
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

describe('a postgres:* pod on the local node', () => {
  it('runs Debian PostgreSQL on its pod IP, initialised from POSTGRES_* (data on its claim)', async () => {
    await kube.core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: { metadata: { name: 'pg' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    });
    await kube.core.createNamespacedSecret({ namespace, body: { metadata: { name: 'pg' }, stringData: { password: "it's-secret" } } });
    await kube.core.createNamespacedPod({
      namespace,
      body: {
        metadata: { name: 'pg' },
        spec: {
          containers: [
            {
              name: 'postgres',
              image: 'postgres:16',
              env: [
                { name: 'POSTGRES_USER', value: 'shop' },
                { name: 'POSTGRES_DB', value: 'orders' },
                { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
                { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg', key: 'password' } } },
              ],
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
            },
          ],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pg' } }],
        },
      },
    });
    const pod = await waitForPod(kube, namespace, 'pg', isPodReady, 'Ready');
    const { stdout } = await run(
      'psql',
      ['-h', pod.status!.podIP!, '-p', '5432', '-U', 'shop', '-d', 'orders', '-tAc', 'SELECT current_user || current_database()'],
      {
        env: { ...process.env, PGPASSWORD: "it's-secret" },
      },
    );
    expect(stdout.trim()).toBe('shoporders');
  }, 60_000);
});
