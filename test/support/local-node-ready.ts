import type { KubeClient } from '@restash/kube';

/** Fails early, with what to do, when the stack's local node (test/local-node) is not running. */
export async function requireLocalNode(kube: KubeClient, name = 'local'): Promise<void> {
  const node = await kube.core.readNode({ name }).catch(() => undefined);
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (!ready) {
    throw new Error(`node/${name} is not Ready: build and start the local node (node scripts/build.mjs && ./dev up --infra)`);
  }
}
