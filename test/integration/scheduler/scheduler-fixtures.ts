import {
  RESOURCES,
  type BackupBatch,
  type BackupBatchSpec,
  type BackupBatchStatus,
  type BackupSession,
  type BackupSessionSpec,
  type BackupSessionStatus,
  type Condition,
  type RepositorySpec,
} from '@restash/api';
import { SUBJECTS, type BatchValidated, type RunRequest } from '@restash/events';
import { CustomResources, type KubeClient } from '@restash/kube';
import { NatsConnectionHolder, STREAMS } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { storedMessages } from '../../support/stored-messages.js';

/** The objects a BackupBatch needs: a Repository with a local backend, its Secret, and an AppBinding member. */
export async function createBatchDependencies(kube: KubeClient, namespace: string, repository = 'repo'): Promise<void> {
  await createRepository(kube, namespace, repository);
  await kube.customObjects.createNamespacedCustomObject({
    group: RESOURCES.appBinding.group,
    version: RESOURCES.appBinding.version,
    plural: RESOURCES.appBinding.plural,
    namespace,
    body: {
      apiVersion: RESOURCES.appBinding.apiVersion,
      kind: 'AppBinding',
      metadata: { name: 'mariadb', namespace },
      spec: { type: 'mariadb', clientConfig: { url: 'tcp(127.0.0.1:3306)/' }, secret: { name: 'mariadb-auth' } },
    },
  });
}

export async function createRepository(kube: KubeClient, namespace: string, name: string): Promise<void> {
  await kube.core.createNamespacedSecret({
    namespace,
    body: { metadata: { name: `${name}-secret` }, stringData: { RESTIC_PASSWORD: 'not-a-real-password' } },
  });
  await new CustomResources<RepositorySpec>(kube, RESOURCES.repository).create({
    metadata: { name, namespace },
    spec: {
      backend: { local: { mountPath: '/backup', hostPath: { path: '/tmp/restash-scheduler-test' } }, storageSecretName: `${name}-secret` },
    },
  });
}

/**
 * A batch of one AppBinding member backing up to `repo`, with `overrides` on its spec. It keeps its
 * history: an executor and status service running on the shared stack may run and clean up its sessions.
 */
export function batchManifest(
  namespace: string,
  name: string,
  overrides: Partial<BackupBatchSpec> = {},
): Omit<BackupBatch, 'apiVersion' | 'kind'> {
  return {
    metadata: { name, namespace },
    spec: {
      repository: { name: 'repo' },
      schedule: '@every 3s',
      backupHistoryLimit: 1000,
      retentionPolicy: { name: 'keep-last-5', keepLast: 5, prune: true },
      members: [
        {
          target: { alias: 'db', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' } },
          task: { name: 'mariadb-backup-10.5.8' },
        },
      ],
      ...overrides,
    },
  };
}

export const batches = (kube: KubeClient) => new CustomResources<BackupBatchSpec, BackupBatchStatus>(kube, RESOURCES.backupBatch);
export const sessions = (kube: KubeClient) => new CustomResources<BackupSessionSpec, BackupSessionStatus>(kube, RESOURCES.backupSession);

/** The unix second of a scheduled session's slot (its name's suffix). */
export function slotSeconds(session: BackupSession): number {
  return Number(/-(\d+)$/.exec(session.metadata.name!)![1]);
}

/** Reads JetStream messages published on one subject since `since` (an ephemeral ordered consumer). */
export class MessageReader {
  private constructor(private readonly nats: NatsConnectionHolder) {}

  static async open(): Promise<MessageReader> {
    const logger = createLogger({ service: 'scheduler-test', level: 'silent' });
    return new MessageReader(await NatsConnectionHolder.open(process.env['NATS_URL']!, 'scheduler-test', logger));
  }

  async runRequests(since: Date): Promise<RunRequest[]> {
    return this.read<RunRequest>(STREAMS.runs.name, SUBJECTS.backupRun, since);
  }

  async verdicts(since: Date): Promise<BatchValidated[]> {
    return this.read<BatchValidated>(STREAMS.status.name, SUBJECTS.batchStatus, since);
  }

  close(): Promise<void> {
    return this.nats.close();
  }

  private async read<T>(stream: string, subject: string, since: Date): Promise<T[]> {
    return (await storedMessages<T>(this.nats, stream, subject, since)).map((message) => message.data);
  }
}

/** The latest verdict on a batch, by its conditions' types. */
export function latestVerdict(verdicts: BatchValidated[], batchUid: string): Record<string, Condition> | undefined {
  const latest = verdicts.filter((v) => v.batch.uid === batchUid).at(-1);
  return latest && Object.fromEntries(latest.conditions.map((c) => [c.type, c]));
}

/** A scheduler process that acts only in `namespace` and keeps its Lease there, so tests do not meet each other. */
export function startScheduler(namespace: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startService('scheduler', { RESTASH_NAMESPACE: namespace, WATCH_NAMESPACE: namespace, LEADER_LEASE_SECONDS: '3', ...env });
}
