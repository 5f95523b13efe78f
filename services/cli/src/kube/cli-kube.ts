import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { CommandError } from '../cli-errors.js';

/** The kubeconfig kubectl would use: --kubeconfig, else KUBECONFIG / ~/.kube/config, else the pod's service account. */
export function loadKubeconfig(path: string | undefined): KubeConfig {
  const config = new KubeConfig();
  if (path) {
    if (!existsSync(path)) throw new CommandError(`kubeconfig ${path} does not exist`);
    config.loadFromFile(path);
  } else {
    config.loadFromDefault();
  }
  if (!config.getCurrentCluster()) throw new CommandError('no Kubernetes cluster configured: set KUBECONFIG or pass --kubeconfig');
  return config;
}

/** The namespace of the kubeconfig's current context, else "default" (as kubectl). */
export function contextNamespace(config: KubeConfig): string {
  return config.getContextObject(config.getCurrentContext())?.namespace || 'default';
}
