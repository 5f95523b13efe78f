import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { KubeClient } from '@restash/kube';
import { stringify } from 'yaml';

/** A short-lived token of a ServiceAccount, from the TokenRequest API (as the kubelet gets one for a pod). */
export async function serviceAccountToken(kube: KubeClient, namespace: string, name: string, expirationSeconds = 3600): Promise<string> {
  const request = await kube.core.createNamespacedServiceAccountToken({ namespace, name, body: { spec: { audiences: [], expirationSeconds } } });
  const token = request.status?.token;
  if (!token) throw new Error(`TokenRequest for ${namespace}/${name} returned no token`);
  return token;
}

/** Kubeconfig text that authenticates with `token` against the admin kubeconfig's API server (same server and CA). */
export function tokenKubeconfig(admin: KubeConfig, user: string, token: string): string {
  const cluster = admin.getCurrentCluster();
  if (!cluster) throw new Error('the admin kubeconfig has no current cluster');
  const caData = cluster.caData ?? undefined;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'stack', cluster: { server: cluster.server, ...(caData ? { 'certificate-authority-data': caData } : { 'certificate-authority': cluster.caFile }) } }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: user, context: { cluster: 'stack', user } }],
    'current-context': user,
  });
}

/** Writes a kubeconfig for a ServiceAccount into `dir` (mode 0600) and returns its path. */
export async function writeServiceAccountKubeconfig(kube: KubeClient, namespace: string, name: string, dir: string): Promise<string> {
  const path = join(dir, `${name}.kubeconfig`);
  await writeFile(path, tokenKubeconfig(kube.config, `system:serviceaccount:${namespace}:${name}`, await serviceAccountToken(kube, namespace, name)), { mode: 0o600 });
  return path;
}

export function loadKubeconfigFile(path: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromFile(path);
  return config;
}
