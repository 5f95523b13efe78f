import { KubeClient } from '@restash/kube';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { containerPid, isProcessAlive, processGroupMembers } from '../../support/container-process.js';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { isPodReady, waitForPod, waitForPodGone } from '../../support/pod-waits.js';
import { stackDir } from '../../support/stack-env.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
let namespace: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-delete');
});
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

describe('deleting a pod on the local node', () => {
  it('stops its processes (the whole tree), then the pod object goes', async () => {
    await kube.core.createNamespacedPod({
      namespace,
      body: {
        metadata: { name: 'sleeper' },
        spec: {
          terminationGracePeriodSeconds: 5,
          containers: [
            // a child that ignores SIGTERM: the grace period ends with SIGKILL to the process group
            { name: 'main', image: 'restash:dev', command: ['sh', '-c', 'sh -c \'trap "" TERM; sleep 3600\' & sleep 3600'] },
            { name: 'web', image: 'nginx:1.27' },
          ],
        },
      },
    });
    const pod = await waitForPod(kube, namespace, 'sleeper', isPodReady, 'Ready');
    expect(pod.status?.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const pid = containerPid(pod, 'main')!;
    expect(isProcessAlive(pid)).toBe(true);
    await eventually(async () => processGroupMembers(pid).length >= 3, { what: 'the container tree (shell, trap shell, sleeps)' });
    const pidFile = join(stackDir, 'pids', `pod-${namespace}-sleeper-main.pid`);
    expect(existsSync(pidFile)).toBe(true);
    expect(pod.status?.containerStatuses?.find((s) => s.name === 'web')?.state?.running).toBeDefined();

    await kube.core.deleteNamespacedPod({ name: 'sleeper', namespace });
    await waitForPodGone(kube, namespace, 'sleeper', 20_000);
    expect(isProcessAlive(pid)).toBe(false);
    expect(processGroupMembers(pid)).toEqual([]);
    expect(existsSync(pidFile)).toBe(false);
  }, 60_000);
});
