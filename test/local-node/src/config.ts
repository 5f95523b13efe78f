import { join } from 'node:path';

/** Everything the local node needs to know about its surroundings, read once from the environment. */
export interface LocalNodeConfig {
  readonly nodeName: string;
  /** The node's own address: the API server reaches the kubelet endpoint here; pods see it as hostIP. */
  readonly hostIP: string;
  readonly kubeletPort: number;
  /** Pod IPs come from this /16, routed locally on lo. */
  readonly podNetwork: string;
  readonly stackDir: string;
  readonly repoRoot: string;
  readonly kubeconfigPath: string;
}

export function readConfig(env: NodeJS.ProcessEnv): LocalNodeConfig {
  const stackDir = env.RESTASH_STACK_DIR ?? join(process.cwd(), '.stack');
  return {
    nodeName: env.RESTASH_LOCAL_NODE_NAME ?? 'local',
    hostIP: '127.0.0.1',
    kubeletPort: Number(env.RESTASH_LOCAL_NODE_PORT ?? 20250),
    podNetwork: env.RESTASH_POD_NETWORK ?? '198.18.0.0/16',
    stackDir,
    repoRoot: env.RESTASH_REPO_ROOT ?? process.cwd(),
    kubeconfigPath: env.KUBECONFIG ?? join(stackDir, 'kubeconfig'),
  };
}
