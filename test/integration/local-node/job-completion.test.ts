import type { V1Job } from '@kubernetes/client-node';
import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
let namespace: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-job');
});
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

function job(name: string, script: string, backoffLimit: number): V1Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace },
    spec: {
      backoffLimit,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'restash:dev', command: ['sh', '-c', script] }] } },
    },
  };
}

async function jobCondition(name: string, type: 'Complete' | 'Failed'): Promise<V1Job> {
  return eventually(
    async () => {
      const current = await kube.batch.readNamespacedJob({ name, namespace });
      return current.status?.conditions?.some((c) => c.type === type && c.status === 'True') ? current : undefined;
    },
    { timeoutMs: 50_000, intervalMs: 500, what: `job ${name} ${type}` },
  );
}

describe('Jobs running restash’s image on the local node', () => {
  it('completes a Job whose command exits 0', async () => {
    await kube.batch.createNamespacedJob({ namespace, body: job('succeeds', 'exit 0', 0) });
    const done = await jobCondition('succeeds', 'Complete');
    expect(done.status?.succeeded).toBe(1);
    const pods = await kube.core.listNamespacedPod({ namespace, labelSelector: 'job-name=succeeds' });
    const status = pods.items[0]!.status!;
    expect(status.phase).toBe('Succeeded');
    expect(status.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  }, 60_000);

  it('retries a Job whose command exits 1 per backoffLimit, then fails it', async () => {
    await kube.batch.createNamespacedJob({ namespace, body: job('fails', 'echo failing; exit 1', 1) });
    const failed = await jobCondition('fails', 'Failed');
    expect(failed.status?.failed).toBe(2);
    const pods = await kube.core.listNamespacedPod({ namespace, labelSelector: 'job-name=fails' });
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.status?.phase).toBe('Failed');
      expect(pod.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    }
  }, 60_000);
});
