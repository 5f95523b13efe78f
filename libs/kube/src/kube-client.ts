import {
  AppsV1Api, BatchV1Api, CoordinationV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, KubernetesObjectApi, VersionApi,
} from '@kubernetes/client-node';
import { PooledKubeConfig } from './pooled-kube-config.js';

/** Loads KUBECONFIG (or ~/.kube/config), or the in-cluster service account when running in a pod; its calls share a connection pool. */
export function loadKubeConfig(): KubeConfig {
  const kubeConfig = new PooledKubeConfig();
  kubeConfig.loadFromDefault();
  if (!kubeConfig.getCurrentCluster()) {
    throw new Error('no Kubernetes API server configured: set KUBECONFIG or run inside a cluster');
  }
  return kubeConfig;
}

/** The typed API groups restash uses, created once per process from one KubeConfig. */
export class KubeClient {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly batch: BatchV1Api;
  readonly coordination: CoordinationV1Api;
  readonly customObjects: CustomObjectsApi;
  readonly objects: KubernetesObjectApi;
  private readonly version: VersionApi;

  constructor(readonly config: KubeConfig = loadKubeConfig()) {
    this.core = config.makeApiClient(CoreV1Api);
    this.apps = config.makeApiClient(AppsV1Api);
    this.batch = config.makeApiClient(BatchV1Api);
    this.coordination = config.makeApiClient(CoordinationV1Api);
    this.customObjects = config.makeApiClient(CustomObjectsApi);
    this.objects = KubernetesObjectApi.makeApiClient(config);
    this.version = config.makeApiClient(VersionApi);
  }

  /** Resolves when the API server answers; used by readiness checks. */
  async ping(): Promise<void> {
    await this.version.getCode();
  }
}
