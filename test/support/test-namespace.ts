import { randomBytes } from 'node:crypto';
import type { KubeClient } from '@restash/kube';

/** A fresh namespace per test file, deleted (with everything in it) afterwards. */
export async function createTestNamespace(kube: KubeClient, prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await kube.core.createNamespace({ body: { metadata: { name, labels: { 'restash.dev/test': prefix } } } });
  return name;
}

export async function deleteTestNamespace(kube: KubeClient, name: string): Promise<void> {
  await kube.core.deleteNamespace({ name }).catch(() => undefined);
}
