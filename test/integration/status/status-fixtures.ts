import type { CoreV1Event } from '@kubernetes/client-node';
import {
  RESOURCES,
  type BackupBatchSpec,
  type BackupBatchStatus,
  type BackupSession,
  type BackupSessionSpec,
  type BackupSessionStatus,
  type RepositorySpec,
  type RepositoryStatus,
} from '@restash/api';
import { identityOf, sessionEventId, SUBJECTS, type BackupSessionEvent, type ObjectIdentity } from '@restash/events';
import { CustomResources, type KubeClient } from '@restash/kube';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { eventually } from '../../support/eventually.js';
import type { ServiceProcess } from '../../support/service-process.js';

/** What the status integration tests share: typed clients for the three resources and a publisher. */
export class StatusFixtures {
  readonly sessions: CustomResources<BackupSessionSpec, BackupSessionStatus>;
  readonly batches: CustomResources<BackupBatchSpec, BackupBatchStatus>;
  readonly repositories: CustomResources<RepositorySpec, RepositoryStatus>;

  private constructor(
    private readonly kube: KubeClient,
    readonly namespace: string,
    private readonly nats: NatsConnectionHolder,
    readonly publisher: JetStreamPublisher,
  ) {
    this.sessions = new CustomResources(kube, RESOURCES.backupSession);
    this.batches = new CustomResources(kube, RESOURCES.backupBatch);
    this.repositories = new CustomResources(kube, RESOURCES.repository);
  }

  static async open(kube: KubeClient, namespace: string): Promise<StatusFixtures> {
    const nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'status-test', createLogger({ service: 'status-test', level: 'silent' }));
    return new StatusFixtures(kube, namespace, nats, new JetStreamPublisher(nats));
  }

  get jetstream() {
    return this.nats.jetstream;
  }

  async close(): Promise<void> {
    await this.nats.close();
  }

  async createRepository(name: string): Promise<void> {
    await this.repositories.create({
      metadata: { name, namespace: this.namespace },
      spec: { backend: { local: { mountPath: '/safe/data', hostPath: { path: `/tmp/${name}` } }, storageSecretName: `${name}-secret` } },
    });
  }

  async createBatch(name: string, repository: string, spec: Partial<BackupBatchSpec> = {}): Promise<ObjectIdentity> {
    const batch = await this.batches.create({
      metadata: { name, namespace: this.namespace },
      spec: { repository: { name: repository }, schedule: '*/5 * * * *', retentionPolicy: { name: 'keep-last-5', keepLast: 5, prune: true }, ...spec },
    });
    return identityOf(batch);
  }

  /** A BackupSession as the scheduler creates it, with Stash's labels. */
  async createSession(name: string, batch: string): Promise<BackupSession> {
    return this.sessions.create({
      metadata: {
        name,
        namespace: this.namespace,
        labels: {
          'app.kubernetes.io/managed-by': 'stash.appscode.com',
          'app.kubernetes.io/component': 'stash-backup',
          'stash.appscode.com/invoker-type': 'BackupBatch',
          'stash.appscode.com/invoker-name': batch,
        },
      },
      spec: { invoker: { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: batch } },
    });
  }

  /** Publishes events as the executor does, one message id per fact; `again` makes new ids for the same facts. */
  async publishSessionEvents(events: readonly BackupSessionEvent[], again = ''): Promise<void> {
    for (const event of events) await this.publisher.publish(SUBJECTS.sessionStatus, event, `${sessionEventId(event)}${again}`);
  }

  async waitForSession(name: string, done: (status: BackupSessionStatus) => boolean, what: string): Promise<BackupSession> {
    return eventually(
      async () => {
        const session = await this.sessions.get(this.namespace, name);
        return session.status && done(session.status) ? session : undefined;
      },
      { timeoutMs: 20_000, what: `session ${name} ${what}` },
    );
  }

  /** core/v1 Events about one object, oldest first. */
  async eventsAbout(uid: string): Promise<CoreV1Event[]> {
    const list = await this.kube.core.listNamespacedEvent({ namespace: this.namespace, fieldSelector: `involvedObject.uid=${uid}` });
    return list.items.sort((a, b) => (a.firstTimestamp?.getTime() ?? 0) - (b.firstTimestamp?.getTime() ?? 0));
  }
}

/** An ISO time `seconds` after a session's creation. */
export function afterCreation(session: BackupSession, seconds: number): string {
  return new Date(Date.parse(session.metadata.creationTimestamp!) + seconds * 1000).toISOString();
}

/** The sum of a counter's samples whose labels include `labels`, from the service's /metrics. */
export async function counterValue(service: ServiceProcess, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(service.url('/metrics'))).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && wanted.every((pair) => line.includes(pair)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
