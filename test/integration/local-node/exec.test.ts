import { KubeClient } from '@restash/kube';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { execInPod } from '../../support/pod-exec.js';
import { isPodReady, waitForPod } from '../../support/pod-waits.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
let namespace: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-exec');
  await kube.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: 'box' },
      spec: {
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [
          {
            name: 'main',
            image: 'restash:dev',
            command: ['sh', '-c', 'echo "written by $HOSTNAME" > /data/x && exec sleep 3600'],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
          { name: 'app', image: 'wordpress:6', volumeMounts: [{ name: 'data', mountPath: '/var/www/html' }] },
        ],
      },
    },
  });
  await waitForPod(kube, namespace, 'box', isPodReady, 'Ready');
}, 60_000);
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

describe('pods/exec through the API server to the local node', () => {
  it('runs a command inside a running container (its mounts, its env)', async () => {
    const result = await execInPod(kube.config, namespace, 'box', 'main', ['cat', '/data/x']);
    expect(result.status.status).toBe('Success');
    expect(result.stdout).toBe('written by box\n');
  }, 30_000);

  it('reports the exit code of a failing command', async () => {
    const result = await execInPod(kube.config, namespace, 'box', 'main', ['sh', '-c', 'echo oops >&2; exit 3']);
    expect(result.stderr).toBe('oops\n');
    expect(result.status.status).toBe('Failure');
    expect(result.status.reason).toBe('NonZeroExitCode');
    expect(result.status.details?.causes?.[0]).toMatchObject({ reason: 'ExitCode', message: '3' });
  }, 30_000);

  it('runs a command with the mounts of a container it does not run (other images)', async () => {
    const result = await execInPod(kube.config, namespace, 'box', 'app', ['cat', '/var/www/html/x']);
    expect(result.stdout).toBe('written by box\n');
  }, 30_000);
});
