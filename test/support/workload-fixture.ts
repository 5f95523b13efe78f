import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { V1Deployment } from '@kubernetes/client-node';
import type { BackupMember } from '@restash/api';
import type { KubeClient } from '@restash/kube';
import { SUBJECTS, type ObjectIdentity } from '@restash/events';
import { JetStreamPublisher, type NatsConnectionHolder } from '@restash/messaging';
import { stringify } from 'yaml';
import { kubectl } from './kubectl.js';
import { loadManifests, type Manifest } from './manifests.js';
import { stackDir } from './stack-env.js';

/** The seed's WordPress Deployment as a user applies it: its claim, Service, Deployment, and the Secret its env reads. */
export interface WordpressManifests {
  file: string;
  deployment: Manifest;
}

/** Writes the example's WordPress manifests, moved to `namespace`, to a file in `dir` for `kubectl apply` / `kubectl diff`. */
export function wordpressManifests(namespace: string, dir: string): WordpressManifests {
  const wanted = new Set(['PersistentVolumeClaim/wordpress-pvc', 'Service/wordpress', 'Deployment/wordpress', 'Secret/wordpress-mysql-auth']);
  const objects = loadManifests('deploy/examples/wordpress')
    .filter((object) => wanted.has(`${object.kind}/${object.metadata.name}`))
    .map((object) => ({ ...object, metadata: { ...object.metadata, namespace } }));
  return { file: writeManifest(dir, 'wordpress', objects), deployment: objects.find((object) => object.kind === 'Deployment')! };
}

/** Writes objects to a YAML file in `dir` (what a user keeps in git) and returns its path. */
export function writeManifest(dir: string, name: string, objects: object[]): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, objects.map((object) => stringify(object)).join('---\n'));
  return file;
}

export async function kubectlApply(file: string): Promise<void> {
  const result = await kubectl(['apply', '-f', file]);
  if (result.code !== 0) throw new Error(`kubectl apply -f ${file} failed: ${result.stderr}`);
}

/** Files seeded into a claim's directory on the local node (what the pod sees at the claim's mount). */
export function seedClaim(namespace: string, claim: string, files: Record<string, string>): void {
  const dir = join(stackDir, 'volumes', namespace, claim);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Asks the executor to run a session, as the scheduler does (the session's uid is the message id). */
export async function requestBackupRun(nats: NatsConnectionHolder, session: ObjectIdentity): Promise<void> {
  await new JetStreamPublisher(nats).publish(SUBJECTS.backupRun, { kind: 'BackupSession', object: session, requestedAt: new Date().toISOString() }, session.uid);
}

/** Pure: the pod template's containers by name. */
export function containerNames(deployment: V1Deployment): string[] {
  return (deployment.spec?.template.spec?.containers ?? []).map((container) => container.name);
}

/** A StatefulSet of restash's image doing nothing (`sleep`), labelled `app=<name>`, each pod with its own claim `data` at /data. */
export async function createSleepingStatefulSet(kube: KubeClient, namespace: string, name: string, replicas: number): Promise<void> {
  await kube.apps.createNamespacedStatefulSet({
    namespace,
    body: {
      metadata: { name },
      spec: {
        replicas,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { terminationGracePeriodSeconds: 2, containers: [{ name, image: 'restash:dev', command: ['sleep', '3600'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
        },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    },
  });
}

/** A Deployment of restash's image doing nothing (`sleep`), labelled `app=<name>`, its own claim `<name>` at /data. */
export async function createSleepingDeployment(kube: KubeClient, namespace: string, name: string): Promise<void> {
  await kube.core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: { metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
  });
  await kube.apps.createNamespacedDeployment({
    namespace,
    body: {
      metadata: { name },
      spec: {
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            terminationGracePeriodSeconds: 2,
            containers: [{ name, image: 'restash:dev', command: ['sleep', '3600'], volumeMounts: [{ name, mountPath: '/data' }] }],
            volumes: [{ name, persistentVolumeClaim: { claimName: name } }],
          },
        },
      },
    },
  });
}

/** The member that backs up a Deployment from createSleepingDeployment through its `stash` sidecar. */
export function sleepingDeploymentMember(name: string): BackupMember {
  return { target: { alias: name, ref: { apiVersion: 'apps/v1', kind: 'Deployment', name }, volumeMounts: [{ name, mountPath: '/data' }], paths: ['/data'] } };
}
