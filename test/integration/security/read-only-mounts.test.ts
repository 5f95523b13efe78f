import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { V1Container, V1Job } from '@kubernetes/client-node';
import { KubeClient } from '@restash/kube';
import { NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { batchSpec, createBackupFixture, createBatch, createSession, waitForFinalSession, type BackupFixture } from '../../support/backup-fixture.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { execInPod } from '../../support/pod-exec.js';
import { waitForPod, waitForSidecarPod } from '../../support/pod-waits.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { podLogs } from '../../support/secret-leaks.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { deleteAgentConsumers } from '../../support/session-events.js';
import { stackDir } from '../../support/stack-env.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { createSleepingDeployment, seedClaim, sleepingDeploymentMember } from '../../support/workload-fixture.js';

const kube = new KubeClient();
const APP = 'app=notes';
const WRITE_PROBE = 'echo probe > /data/.write-probe && echo WROTE';
let namespace: string;
let fixture: BackupFixture;
let services: RestashServices;
let injector: ServiceProcess;
let nats: NatsConnectionHolder;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'read-only');
  fixture = await createBackupFixture(kube, namespace);
  await createSleepingDeployment(kube, namespace, 'notes');
  seedClaim(namespace, 'notes', { 'notes.txt': 'remember the milk\n' });
  [services, injector] = await Promise.all([
    startRestashServices({ executors: 1, executorEnv: { AGENT_RESULT_POLL_MS: '250', AGENT_RESULT_TIMEOUT_SECONDS: '90' } }),
    startService('injector', { RESTASH_IMAGE: 'restash:dev' }),
  ]);
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'read-only-test', createLogger({ service: 'read-only-test', level: 'silent' }));
}, 120_000);

afterAll(async () => {
  if (nats) await deleteAgentConsumers(nats, namespace);
  await nats?.close();
  await Promise.all([services?.stop(), injector?.stop()]);
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
});

/** Runs the write probe in a pod with the backup Job's exact pod spec (volumes, mounts, env), and returns its log. */
async function probeJobPod(job: V1Job): Promise<{ phase: string | undefined; log: string }> {
  const template = job.spec!.template.spec!;
  const [runner] = template.containers as [V1Container];
  const name = `${job.metadata!.name}-probe`;
  const command = ['/bin/sh', '-c', `${WRITE_PROBE} || { echo probe > /tmp/.write-probe && echo TMP-WRITABLE; exit 3; }`];
  await kube.core.createNamespacedPod({ namespace, body: { metadata: { name }, spec: { ...template, containers: [{ ...runner, command, args: [] }] } } });
  const pod = await waitForPod(kube, namespace, name, (p) => ['Succeeded', 'Failed'].includes(p.status?.phase ?? ''), 'finished');
  const log = [...podLogs(namespace)].find(([file]) => file.includes(`_${name}_`))?.[1] ?? '';
  return { phase: pod.status?.phase, log };
}

describe('backups mount the data they read read-only', () => {
  it('the stash sidecar and the backup Job cannot write to the target volume, and the backup still succeeds', async () => {
    const members = [sleepingDeploymentMember('notes'), ...batchSpec(['files']).members!];
    await createBatch(kube, namespace, 'read-only', { ...batchSpec([]), members, executionOrder: 'Sequential' });

    // the sidecar's process sees /data read-only; the app's own container still writes there
    const pod = await waitForSidecarPod(kube, namespace, APP);
    const stash = await execInPod(kube.config, namespace, pod.metadata!.name!, 'stash', ['/bin/sh', '-c', WRITE_PROBE]);
    expect(stash.status.status).toBe('Failure');
    expect(stash.stderr).toContain('Read-only file system');
    expect(stash.stdout).not.toContain('WROTE');
    const app = await execInPod(kube.config, namespace, pod.metadata!.name!, 'notes', ['/bin/sh', '-c', WRITE_PROBE]);
    expect(app.stdout).toContain('WROTE');

    await createSession(kube, namespace, 'read-only', 'read-only-1');
    const session = await waitForFinalSession(kube, namespace, 'read-only-1', 150_000);
    expect(session.status?.phase).toBe('Succeeded');
    expect(session.status?.targets?.map((t) => [t.ref.kind, t.phase])).toEqual([['Deployment', 'Succeeded'], ['PersistentVolumeClaim', 'Succeeded']]);

    // the backup Job's pod spec, run with a write probe: /data is read-only there, /tmp is not
    const [job] = (await kube.batch.listNamespacedJob({ namespace, labelSelector: 'restash.dev/session=read-only-1' })).items;
    expect(job!.spec!.template.spec!.containers[0]!.volumeMounts).toContainEqual({ name: 'stash-target', mountPath: '/data', readOnly: true });
    const probe = await probeJobPod(job!);
    expect(probe.log).toContain('Read-only file system');
    expect(probe.log).toContain('TMP-WRITABLE');
    expect(probe.log).not.toContain('WROTE');
    expect(probe.phase).toBe('Failed');
    expect(existsSync(join(stackDir, 'volumes', namespace, 'files', '.write-probe'))).toBe(false);
  }, 240_000);
});
