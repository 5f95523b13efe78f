import { CoordinationV1Api, CoreV1Api, DiscoveryV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

/** The API groups the local node talks to, from the stack's kubeconfig (admin). */
export class KubeClients {
  readonly core: CoreV1Api;
  readonly coordination: CoordinationV1Api;
  readonly discovery: DiscoveryV1Api;

  constructor(readonly config: KubeConfig) {
    this.core = config.makeApiClient(CoreV1Api);
    this.coordination = config.makeApiClient(CoordinationV1Api);
    this.discovery = config.makeApiClient(DiscoveryV1Api);
  }

  static fromFile(path: string): KubeClients {
    const config = new KubeConfig();
    config.loadFromFile(path);
    return new KubeClients(config);
  }

  /** The API server as pods reach it: host, port and CA (PEM). */
  apiServer(): { host: string; port: string; caPem: string } {
    const cluster = this.config.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const url = new URL(cluster.server);
    const caPem = cluster.caData ? Buffer.from(cluster.caData, 'base64').toString('utf8') : '';
    return { host: url.hostname, port: url.port || '443', caPem };
  }
}

/** Request options for a JSON merge patch (the client sends strategic merge patches otherwise). */
export const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

export function isNotFound(err: unknown): boolean {
  return statusCode(err) === 404;
}

export function isConflict(err: unknown): boolean {
  return statusCode(err) === 409;
}

function statusCode(err: unknown): number | undefined {
  return (err as { code?: number; statusCode?: number } | undefined)?.code ?? (err as { statusCode?: number } | undefined)?.statusCode;
}
