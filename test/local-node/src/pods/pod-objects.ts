import type { V1Container, V1Pod, V1Volume } from '@kubernetes/client-node';
import type { EnvSources } from '../env/env-sources.js';
import { envReferences } from '../env/container-env.js';
import { isNotFound } from '../kube/kube-clients.js';
import type { NodeContext } from '../node-context.js';
import { type TokenSpec, tokenSpecs } from '../volumes/volume-files.js';

type Data = Readonly<Record<string, Buffer>>;

/** The Secrets, ConfigMaps and service account tokens a pod's env and volumes refer to, fetched together. */
export class PodObjects {
  private constructor(
    private readonly secrets: Map<string, Data | undefined>,
    private readonly configMaps: Map<string, Data | undefined>,
    private readonly tokens: Map<string, string>,
  ) {}

  static async fetch(ctx: NodeContext, pod: V1Pod, containers: readonly V1Container[], volumes: readonly V1Volume[]): Promise<PodObjects> {
    const namespace = pod.metadata!.namespace!;
    const secretNames = new Set<string>();
    const configMapNames = new Set<string>();
    for (const container of containers) {
      const refs = envReferences(container);
      refs.secrets.forEach((n) => secretNames.add(n));
      refs.configMaps.forEach((n) => configMapNames.add(n));
    }
    for (const volume of volumes) {
      if (volume.secret?.secretName) secretNames.add(volume.secret.secretName);
      if (volume.configMap?.name) configMapNames.add(volume.configMap.name);
      for (const source of volume.projected?.sources ?? []) {
        if (source.secret?.name) secretNames.add(source.secret.name);
        if (source.configMap?.name) configMapNames.add(source.configMap.name);
      }
    }
    const secrets = new Map(
      await Promise.all([...secretNames].map(async (name) => [name, await readSecret(ctx, namespace, name)] as const)),
    );
    const configMaps = new Map(
      await Promise.all([...configMapNames].map(async (name) => [name, await readConfigMap(ctx, namespace, name)] as const)),
    );
    const tokens = new Map<string, string>();
    for (const spec of volumes.flatMap(tokenSpecs)) {
      if (!tokens.has(tokenKey(spec))) tokens.set(tokenKey(spec), await requestToken(ctx, pod, spec));
    }
    return new PodObjects(secrets, configMaps, tokens);
  }

  secret(name: string): Data | undefined {
    return this.secrets.get(name);
  }

  configMap(name: string): Data | undefined {
    return this.configMaps.get(name);
  }

  token(spec: TokenSpec): string {
    const token = this.tokens.get(tokenKey(spec));
    if (token === undefined) throw new Error('service account token was not requested');
    return token;
  }

  envSources(): EnvSources {
    return { secrets: asStrings(this.secrets), configMaps: asStrings(this.configMaps) };
  }
}

function tokenKey(spec: TokenSpec): string {
  return `${spec.audience ?? ''}|${spec.expirationSeconds}`;
}

function asStrings(map: Map<string, Data | undefined>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [name, data] of map) {
    if (data) out.set(name, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.toString('utf8')])));
  }
  return out;
}

async function readSecret(ctx: NodeContext, namespace: string, name: string): Promise<Data | undefined> {
  try {
    const secret = await ctx.clients.core.readNamespacedSecret({ name, namespace });
    return Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function readConfigMap(ctx: NodeContext, namespace: string, name: string): Promise<Data | undefined> {
  try {
    const map = await ctx.clients.core.readNamespacedConfigMap({ name, namespace });
    return {
      ...Object.fromEntries(Object.entries(map.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8')])),
      ...Object.fromEntries(Object.entries(map.binaryData ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    };
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // The stack runs no root-CA publisher: kube-root-ca.crt (in every pod's kube-api-access volume) comes from the kubeconfig.
    return name === 'kube-root-ca.crt' ? { 'ca.crt': Buffer.from(ctx.apiServer.caPem) } : undefined;
  }
}

/** A TokenRequest for the pod's service account, bound to the pod (invalid once the pod is gone). */
async function requestToken(ctx: NodeContext, pod: V1Pod, spec: TokenSpec): Promise<string> {
  const response = await ctx.clients.core.createNamespacedServiceAccountToken({
    name: pod.spec?.serviceAccountName || 'default',
    namespace: pod.metadata!.namespace!,
    body: {
      spec: {
        audiences: spec.audience ? [spec.audience] : [],
        expirationSeconds: spec.expirationSeconds,
        boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata!.name!, uid: pod.metadata!.uid! },
      },
    },
  });
  const token = response.status?.token;
  if (!token) throw new Error(`no token issued for service account ${pod.spec?.serviceAccountName || 'default'}`);
  return token;
}
