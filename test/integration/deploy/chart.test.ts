import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findDrift, renderCrdFiles } from '@restash/api';
import { KubeClient } from '@restash/kube';
import { CHART_DIR, renderChart, renderChartText } from '../../support/helm-chart.js';
import { kubectl } from '../../support/kubectl.js';
import type { Manifest } from '../../support/manifests.js';
import { repoRoot } from '../../support/stack-env.js';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const run = promisify(execFile);
const kube = new KubeClient();
const SERVICES = ['scheduler', 'executor', 'status', 'injector'];
let dir: string;
let namespace: string;

beforeAll(async () => {
  dir = await makeTempDir('chart');
  namespace = await createTestNamespace(kube, 'chart');
});
afterAll(async () => {
  await removeTempDir(dir);
  await deleteTestNamespace(kube, namespace);
});

type Container = { name: string; args: string[]; env: Array<{ name: string; value?: string; valueFrom?: unknown }>; [key: string]: unknown };
const podSpec = (deployment: Manifest) => (deployment as unknown as { spec: { template: { spec: Record<string, unknown> & { containers: Container[] } } } }).spec.template.spec;
const env = (container: Container) => Object.fromEntries(container.env.map((e) => [e.name, e.value ?? e.valueFrom]));

async function dryRunApply(file: string): Promise<void> {
  const result = await kubectl(['apply', '--server-side', '--dry-run=server', '-f', file]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

describe('Helm chart deploy/helm/restash', () => {
  it('carries exactly the CRDs libs/api generates', async () => {
    expect(await findDrift(join(CHART_DIR, 'crds'), renderCrdFiles())).toEqual([]);
  });

  it('is in step with deploy/manifests/restash.yaml and its sources (drift check: re-render and compare)', async () => {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'deploy/helm/render.mjs'), 'check'], { cwd: repoRoot });
    expect(stdout).toContain('up to date');
  });

  it('renders a hardened Deployment, a ServiceAccount and a ClusterRole per service', async () => {
    const objects = await renderChart({ release: 'restash', namespace: 'restash' });
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(SERVICES.map((s) => `restash-${s}`).sort());
    for (const deployment of deployments) {
      const pod = podSpec(deployment);
      const [container] = pod.containers;
      const service = deployment.metadata.name.replace('restash-', '');
      expect(container!.args).toEqual([service]);
      expect(pod['serviceAccountName']).toBe(`restash-${service}`);
      expect(pod['securityContext']).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
      expect(container).toMatchObject({
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
        readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
        resources: { requests: expect.any(Object), limits: expect.any(Object) },
      });
      expect(env(container!)['NATS_URL']).toMatch(/^nats:\/\//);
      expect('REDIS_URL' in env(container!)).toBe(service === 'executor');
    }
    const kinds = (kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name).sort();
    expect(kinds('ServiceAccount')).toEqual(SERVICES.map((s) => `restash-${s}`).sort());
    expect(kinds('ClusterRole')).toEqual(SERVICES.map((s) => `restash-${s}`).sort());
    expect(kinds('ClusterRoleBinding')).toEqual(SERVICES.map((s) => `restash-${s}`).sort());
    expect(kinds('Role')).toEqual(['restash-scheduler-leader-election']);
    expect(kinds('PodDisruptionBudget')).toEqual(['restash-executor', 'restash-scheduler', 'restash-status']);
    for (const kind of ['ServiceMonitor', 'PrometheusRule', 'ConfigMap', 'Namespace']) expect(kinds(kind)).toEqual([]);
  });

  it('exposes the executor scaling and concurrency values, and takes NATS/Redis credentials and CA from Secrets', async () => {
    const objects = await renderChart({
      release: 'restash',
      namespace: 'backup-system',
      set: {
        'executor.replicas': '5',
        'executor.memberConcurrency': '8',
        'executor.globalMemberConcurrency': '12',
        'executor.podDisruptionBudget.maxUnavailable': '2',
        'redis.url': 'rediss://redis.cache:6380/2',
        'redis.auth.existingSecret': 'redis-auth',
        'redis.auth.username': 'restash',
        'redis.tls.caSecret.name': 'internal-ca',
        'nats.url': 'tls://nats.queue:4222',
        'nats.auth.existingSecret': 'nats-auth',
        'nats.auth.userKey': 'user',
        'nats.auth.passwordKey': 'password',
        'nats.tls.caSecret.name': 'internal-ca',
        'nats.tls.clientCertSecret': 'restash-nats-client',
        'image.tag': '1.2.3',
      },
    });
    const executor = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'restash-executor')!;
    expect((executor as unknown as { spec: { replicas: number } }).spec.replicas).toBe(5);
    const container = podSpec(executor).containers[0]!;
    expect(container['image']).toBe('ghcr.io/restash/restash:1.2.3');
    expect(env(container)).toMatchObject({
      RESTASH_IMAGE: 'ghcr.io/restash/restash:1.2.3',
      MEMBER_CONCURRENCY: '8',
      GLOBAL_MEMBER_CONCURRENCY: '12',
      REDIS_URL: 'rediss://redis.cache:6380/2',
      REDIS_USERNAME: 'restash',
      REDIS_PASSWORD: { secretKeyRef: { name: 'redis-auth', key: 'redis-password' } },
      REDIS_TLS_CA_FILE: '/etc/restash/tls/redis-ca/ca.crt',
      NATS_URL: 'tls://nats.queue:4222',
      NATS_USER: { secretKeyRef: { name: 'nats-auth', key: 'user' } },
      NATS_PASSWORD: { secretKeyRef: { name: 'nats-auth', key: 'password' } },
      NATS_TLS_CA_FILE: '/etc/restash/tls/nats-ca/ca.crt',
      NATS_TLS_CERT_FILE: '/etc/restash/tls/nats-client/tls.crt',
      NATS_TLS_KEY_FILE: '/etc/restash/tls/nats-client/tls.key',
    });
    expect(podSpec(executor)['volumes']).toEqual(expect.arrayContaining([
      { name: 'nats-tls-ca', secret: { secretName: 'internal-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { name: 'nats-tls-client', secret: { secretName: 'restash-nats-client', items: [{ key: 'tls.crt', path: 'tls.crt' }, { key: 'tls.key', path: 'tls.key' }] } },
      { name: 'redis-tls-ca', secret: { secretName: 'internal-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    ]));
    // only the executor uses Redis: the other services mount no Redis CA
    const status = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'restash-status')!;
    expect('REDIS_TLS_CA_FILE' in env(podSpec(status).containers[0]!)).toBe(false);
    expect(env(podSpec(status).containers[0]!)['NATS_TLS_CA_FILE']).toBe('/etc/restash/tls/nats-ca/ca.crt');
    const scheduler = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'restash-scheduler')!;
    expect(env(podSpec(scheduler).containers[0]!)['RESTASH_NAMESPACE']).toEqual({ fieldRef: { fieldPath: 'metadata.namespace' } });
    const pdb = objects.find((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === 'restash-executor')!;
    expect(pdb['spec']).toMatchObject({ maxUnavailable: 2 });
  });

  it('applies to the API server with server-side dry-run: the plain manifests as committed', async () => {
    // The manifests' namespaced objects need their namespace to exist for a dry run.
    const created = (await kubectl(['create', 'namespace', 'restash'])).code === 0;
    try {
      await dryRunApply(join(repoRoot, 'deploy/manifests/restash.yaml'));
    } finally {
      if (created) await kubectl(['delete', 'namespace', 'restash', '--wait=false']);
    }
  });

  it('applies with server-side dry-run with every optional object on (ServiceMonitor, PrometheusRule, secrets, TLS)', async () => {
    const stubs = await ensureMonitoringCrds();
    try {
      const text = await renderChartText({
        release: 'restash',
        namespace,
        includeCrds: true,
        set: {
          'metrics.serviceMonitor.enabled': 'true',
          'metrics.prometheusRule.enabled': 'true',
          'metrics.prometheusRule.extraGroups[0].name': 'restash-extra',
          'metrics.prometheusRule.extraGroups[0].rules[0].alert': 'RestashDown',
          'metrics.prometheusRule.extraGroups[0].rules[0].expr': 'up{job=~"restash.*"} == 0',
          'metrics.dashboards.enabled': 'true',
          'redis.auth.existingSecret': 'redis-auth',
          'nats.urlSecret.name': 'nats-url',
          'nats.tls.caSecret.name': 'internal-ca',
          'redis.url': 'rediss://redis.cache:6380',
          'redis.tls.caSecret.name': 'internal-ca',
          'scheduler.watchNamespace': namespace,
          'nats.agentUrl': 'nats://nats.example:4222',
        },
      });
      const kinds = text.match(/^kind: \w+/gm) ?? [];
      expect(kinds).toEqual(expect.arrayContaining(['kind: ServiceMonitor', 'kind: PrometheusRule']));
      const file = join(dir, 'all-on.yaml');
      await writeFile(file, text);
      await dryRunApply(file);
    } finally {
      for (const name of stubs) await kubectl(['delete', 'crd', name, '--wait=false']);
    }
  });
});

/** Minimal stand-ins of the Prometheus Operator's CRDs (when the stack lacks them); returns those it created. */
async function ensureMonitoringCrds(): Promise<string[]> {
  const created: string[] = [];
  for (const [plural, kind] of [['servicemonitors', 'ServiceMonitor'], ['prometheusrules', 'PrometheusRule']] as const) {
    const name = `${plural}.monitoring.coreos.com`;
    if ((await kubectl(['get', 'crd', name])).code === 0) continue;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name },
      spec: {
        group: 'monitoring.coreos.com',
        scope: 'Namespaced',
        names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    };
    const file = join(dir, `${plural}.json`);
    await writeFile(file, JSON.stringify(crd));
    expect((await kubectl(['apply', '--server-side', '-f', file])).code).toBe(0);
    created.push(name);
  }
  if (created.length) expect((await kubectl(['wait', '--for', 'condition=established', '--timeout=30s', ...created.map((n) => `crd/${n}`)])).code).toBe(0);
  return created;
}
