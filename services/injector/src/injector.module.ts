import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import { KubeModule, KubeWriteMetrics } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';
import { SERVICE_CONFIG } from '@restash/service-runtime';
import { InjectorCache } from './cluster/injector-cache.js';
import { InjectorController } from './controller/injector-controller.js';
import { RestoreInitReconciler } from './controller/restore-init-reconciler.js';
import { WorkloadReconciler } from './controller/workload-reconciler.js';
import { INJECTOR_SETTINGS, loadInjectorSettings } from './injector-settings.js';
import { MemberRepositoryResolver } from '@restash/repositories';
import { RepositorySecrets } from './kube/repository-secrets.js';
import { WorkloadApplier } from './kube/workload-applier.js';
import { InjectorMetrics } from './metrics/injector-metrics.js';
import { InitContainerConditions } from './reporting/init-container-conditions.js';
import { MemberConditions } from './reporting/member-conditions.js';

/** Adds the `stash` sidecar to the workloads batches name (and the `stash-init` container to those a RestoreBatch restores), and takes them back when no batch names them. */
@Module({
  imports: [KubeModule, MessagingModule.forRoot()],
  providers: [
    { provide: INJECTOR_SETTINGS, inject: [SERVICE_CONFIG], useFactory: (config: ServiceConfig) => loadInjectorSettings(config) },
    InjectorCache,
    WorkloadApplier,
    RepositorySecrets,
    MemberRepositoryResolver,
    MemberConditions,
    WorkloadReconciler,
    InitContainerConditions,
    RestoreInitReconciler,
    InjectorController,
    InjectorMetrics,
    KubeWriteMetrics,
  ],
})
export class InjectorModule {}
