import type { V1EndpointSlice } from '@kubernetes/client-node';
import { DiscoveryV1Api } from '@kubernetes/client-node';
import { KubeClient } from '@restash/kube';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { loadManifests } from '../../support/manifests.js';
import { waitForReadyPods } from '../../support/pod-waits.js';
import { stackDir } from '../../support/stack-env.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const run = promisify(execFile);
const kube = new KubeClient();
const discovery = kube.config.makeApiClient(DiscoveryV1Api);
// The seed's MySQL: Secret + Service + PVC + Deployment (mysql:8.0.14) from deploy/examples/wordpress/mysql.yaml.
const seed = loadManifests('deploy/examples/wordpress').filter(
  (m) => m.metadata.name.startsWith('wordpress-mysql') && m.kind !== 'AppBinding',
);
const password = (seed.find((m) => m.kind === 'Secret') as unknown as { stringData: { password: string } }).stringData.password;
let namespace: string;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'ln-mysql');
  for (const manifest of seed) await kube.objects.create({ ...manifest, metadata: { ...manifest.metadata, namespace } });
}, 30_000);
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

/** The Service's endpoint, as the real EndpointSlice controller publishes it. */
async function serviceEndpoint(notIP?: string): Promise<{ ip: string; port: number }> {
  return eventually(
    async () => {
      const slices = await discovery.listNamespacedEndpointSlice({
        namespace,
        labelSelector: 'kubernetes.io/service-name=wordpress-mysql',
      });
      const slice = slices.items.find((s: V1EndpointSlice) => s.endpoints?.some((e) => e.conditions?.ready && e.addresses[0] !== notIP));
      const endpoint = slice?.endpoints?.find((e) => e.conditions?.ready && e.addresses[0] !== notIP);
      return endpoint && slice?.ports?.[0]?.port ? { ip: endpoint.addresses[0]!, port: slice.ports[0].port } : undefined;
    },
    { timeoutMs: 30_000, what: 'a ready endpoint of service wordpress-mysql' },
  );
}

async function sql(endpoint: { ip: string; port: number }, statement: string): Promise<string> {
  const { stdout } = await run('mariadb', [
    '-h',
    endpoint.ip,
    '-P',
    String(endpoint.port),
    '-uroot',
    `-p${password}`,
    '-N',
    '-B',
    '-e',
    statement,
  ]);
  return stdout.trim();
}

describe('the seed MySQL Deployment on the local node', () => {
  it('serves through its Service endpoint with the Secret password, keeps data on the claim across a pod delete', async () => {
    const [first] = await waitForReadyPods(kube, namespace, 'tier=mysql', 1);
    const endpoint = await serviceEndpoint();
    expect(endpoint.ip).toBe(first!.status!.podIP);
    expect(endpoint.port).toBe(3306);

    await sql(endpoint, "CREATE DATABASE shop; CREATE TABLE shop.orders (item VARCHAR(20)); INSERT INTO shop.orders VALUES ('teapot')");
    const claimDir = join(stackDir, 'volumes', namespace, 'wordpress-mysql-pvc');
    expect(existsSync(join(claimDir, 'shop', 'orders.ibd'))).toBe(true);
    await expect(run('mariadb', ['-h', endpoint.ip, '-P', '3306', '-uroot', '-pwrong', '-e', 'SELECT 1'])).rejects.toThrow(/Access denied/);

    await kube.core.deleteNamespacedPod({ name: first!.metadata!.name!, namespace });
    const [second] = await eventually(
      async () => {
        const pods = await waitForReadyPods(kube, namespace, 'tier=mysql', 1);
        return pods[0]!.metadata!.uid !== first!.metadata!.uid ? pods : undefined;
      },
      { timeoutMs: 45_000, what: 'the replacement mysql pod' },
    );
    const again = await serviceEndpoint(first!.status!.podIP === second!.status!.podIP ? undefined : first!.status!.podIP);
    expect(await sql(again, 'SELECT item FROM shop.orders')).toBe('teapot');
  }, 60_000);
});
