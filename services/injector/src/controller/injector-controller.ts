import type { V1Secret } from '@kubernetes/client-node';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@restash/observability';
import { LOGGER, ReadinessRegistry } from '@restash/service-runtime';
import { InjectorCache } from '../cluster/injector-cache.js';
import { INJECTOR_SETTINGS, type InjectorSettings } from '../injector-settings.js';
import { carriesInjectedFields, INIT_FIELD_MANAGER } from '../plan/injector-fields.js';
import { workloadsNamedBy, type ClaimingBatch } from '../plan/member-claims.js';
import { WORKLOAD_ANNOTATION } from '../plan/repository-secret.js';
import { workloadKey, type WorkloadRef } from '../workloads/workload.js';
import { WorkQueue } from '@restash/kube';
import { RestoreInitReconciler } from './restore-init-reconciler.js';
import { WorkloadReconciler } from './workload-reconciler.js';

const SYNC_POLL_MS = 200;

/**
 * Wires the caches to the workload reconciler. Nothing is reconciled before every cache has listed
 * once: a workload seen before the batches that name it would otherwise lose its sidecar. Then every
 * workload a batch names or that carries the injector's fields is reconciled, on changes and on resync.
 */
@Injectable()
export class InjectorController implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly queue: WorkQueue;
  private resync: NodeJS.Timeout | undefined;
  private stopping = false;
  private initialPassQueued = false;
  /** Latched: once every workload was reconciled after start, later bursts of work do not make the injector unready. */
  private initialPassDone = false;

  constructor(
    private readonly cache: InjectorCache,
    reconciler: WorkloadReconciler,
    restoreInits: RestoreInitReconciler,
    private readonly readiness: ReadinessRegistry,
    @Inject(INJECTOR_SETTINGS) private readonly settings: InjectorSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.queue = new WorkQueue('workloads', async (key) => {
      await reconciler.reconcile(key);
      await restoreInits.reconcile(key);
    }, logger, { startPaused: true });
  }

  onApplicationBootstrap(): void {
    this.readiness.register('caches', async () => {
      if (!this.cache.synced) throw new Error('BackupBatch, RestoreBatch, workload and Secret caches are not synced yet');
      this.initialPassDone ||= this.initialPassQueued && this.queue.idle;
      if (!this.initialPassDone) throw new Error('the first reconcile of every workload is not done yet');
    });
    // Not awaited: the API server may be away at start; the informers retry and /readyz tells.
    void this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.resync);
    await this.queue.stop();
    await this.cache.stop();
  }

  private async start(): Promise<void> {
    await this.cache.start({
      batchChanged: (batch) => this.batchChanged(batch),
      restoreChanged: (restore) => this.batchChanged(restore),
      workloadChanged: (ref) => this.queue.add(workloadKey(ref)),
      secretChanged: (secret) => this.secretChanged(secret),
    });
    while (!this.cache.synced && !this.stopping) await new Promise((resolve) => setTimeout(resolve, SYNC_POLL_MS));
    if (this.stopping) return;
    this.enqueueAll();
    this.initialPassQueued = true;
    this.queue.start();
    this.resync = setInterval(() => this.enqueueAll(), this.settings.resyncIntervalMs);
    this.logger.info('caches synced; reconciling workloads');
  }

  /** A BackupBatch or RestoreBatch changed or went: the workloads it names now, and every workload that may have been its. */
  private batchChanged(batch: ClaimingBatch): void {
    for (const ref of workloadsNamedBy(batch)) this.queue.add(workloadKey(ref));
    for (const ref of this.injectedWorkloads()) this.queue.add(workloadKey(ref));
  }

  private secretChanged(secret: V1Secret): void {
    const key = secret.metadata?.annotations?.[WORKLOAD_ANNOTATION];
    if (key) this.queue.add(key);
  }

  private enqueueAll(): void {
    for (const batch of [...this.cache.batches(), ...this.cache.restores()]) for (const ref of workloadsNamedBy(batch)) this.queue.add(workloadKey(ref));
    for (const ref of this.injectedWorkloads()) this.queue.add(workloadKey(ref));
  }

  private injectedWorkloads(): WorkloadRef[] {
    return this.cache.workloads().filter((ref) => {
      const workload = this.cache.workload(ref);
      return workload !== undefined && (carriesInjectedFields(workload) || carriesInjectedFields(workload, INIT_FIELD_MANAGER));
    });
  }
}
