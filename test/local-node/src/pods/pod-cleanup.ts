import type { V1Pod } from '@kubernetes/client-node';
import { rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NodeContext } from '../node-context.js';

/** Removes what a pod had on the node: its private dir, its emptyDirs (not its claims) and its address. */
export async function cleanUpPod(ctx: NodeContext, pod: V1Pod): Promise<void> {
  const uid = pod.metadata!.uid!;
  const namespace = pod.metadata!.namespace!;
  const name = pod.metadata!.name!;
  await rm(ctx.layout.podDir(uid), { recursive: true, force: true });
  for (const volume of pod.spec?.volumes ?? []) {
    if (volume.emptyDir || volume.ephemeral) await rm(ctx.layout.emptyDir(namespace, name, volume.name), { recursive: true, force: true });
  }
  await rmdir(ctx.layout.emptyDirRoot(namespace, name)).catch(() => undefined);
  await rmdir(dirname(ctx.layout.emptyDirRoot(namespace, name))).catch(() => undefined);
  ctx.ipPool.release(uid);
}
