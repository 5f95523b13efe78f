import type { BackupMember } from '@restash/api';
import type { KubeClient } from '@restash/kube';
import { batchSpec, createBatch } from '../../../test/support/backup-fixture.js';
import { eventually } from '../../../test/support/eventually.js';
import { forEachLimit } from '../stack/for-each-limit.js';

/** An image the local node does not run: the pod reports Running and Ready, its `stash` container does nothing. */
const IDLE_IMAGE = 'bench/idle-sidecar:1';

/**
 * Deployments whose pod has a container named `stash`, as the injector leaves a workload: the executor
 * sees the sidecar and sends the host's run request to its subject, where the NoopAgent answers.
 */
export async function createTrivialWorkloads(kube: KubeClient, namespace: string, names: readonly string[]): Promise<void> {
  await forEachLimit(names, 8, async (name) => {
    await kube.apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'stash', image: IDLE_IMAGE }] } },
        },
      },
    });
  });
  await eventually(async () => (await kube.core.listNamespacedPod({ namespace })).items.filter(isRunning).length >= names.length, {
    timeoutMs: 5 * 60_000,
    intervalMs: 1000,
    what: `${names.length} trivial workload pods running`,
  });
}

/** A BackupBatch without a schedule (instant backups only), backing up its workloads in order. */
export async function createTrivialBatch(kube: KubeClient, namespace: string, batch: string, workloads: readonly string[]): Promise<void> {
  await createBatch(kube, namespace, batch, { ...batchSpec([], { executionOrder: 'Sequential' }), members: workloads.map(trivialMember) });
}

function trivialMember(workload: string): BackupMember {
  return { target: { alias: workload, ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: workload }, paths: ['/data'] } };
}

function isRunning(pod: { status?: { phase?: string } }): boolean {
  return pod.status?.phase === 'Running';
}
