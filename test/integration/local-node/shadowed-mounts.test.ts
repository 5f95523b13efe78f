import { KubeClient } from '@restash/kube';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
let namespace: string;
let hostDir: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-shadow');
  hostDir = mkdtempSync(join(tmpdir(), 'restash-shadow-'));
  writeFileSync(join(hostDir, 'from-host.txt'), 'host data\n');
});
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
  rmSync(hostDir, { recursive: true, force: true });
});

describe('volumes mounted beneath one another', () => {
  it('binds a hostPath under /tmp even when an emptyDir is mounted at /tmp', async () => {
    await kube.core.createNamespacedPod({
      namespace,
      body: {
        metadata: { name: 'shadow' },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'check',
              image: 'restash:dev',
              command: ['sh', '-c', 'cat /backend/from-host.txt > /backend/seen-by-pod.txt && touch /tmp/scratch'],
              volumeMounts: [
                { name: 'tmp', mountPath: '/tmp' },
                { name: 'backend', mountPath: '/backend' },
              ],
            },
          ],
          // The hostPath lives under the host's /tmp, which the emptyDir replaces inside the container.
          volumes: [
            { name: 'tmp', emptyDir: {} },
            { name: 'backend', hostPath: { path: hostDir } },
          ],
        },
      },
    });
    const phase = await eventually(async () => {
      const pod = await kube.core.readNamespacedPod({ namespace, name: 'shadow' });
      return ['Succeeded', 'Failed'].includes(pod.status?.phase ?? '') ? pod.status!.phase : undefined;
    }, { what: 'pod finished' });
    expect(phase).toBe('Succeeded');
    expect(readFileSync(join(hostDir, 'seen-by-pod.txt'), 'utf8')).toBe('host data\n');
  });
});
