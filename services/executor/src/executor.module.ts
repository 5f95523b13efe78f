import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import { KubeModule, KubeWriteMetrics } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';
import { QueueModule } from '@restash/queue';
import { MemberRepositoryResolver } from '@restash/repositories';
import { SERVICE_CONFIG } from '@restash/service-runtime';
import { ClusterObjects } from './cluster/cluster-objects.js';
import { EXECUTOR_SETTINGS, loadExecutorSettings } from './executor-settings.js';
import { AgentRequests } from './members/agent-requests.js';
import { HostHooks } from './members/host-hooks.js';
import { HostResults } from './members/host-results.js';
import { MemberJobs } from './members/member-jobs.js';
import { MemberRunResolver } from './members/member-run-resolver.js';
import { MemberRunner } from './members/member-runner.js';
import { PodExec } from './members/pod-exec.js';
import { RunnerPodWatch } from './members/runner-pod-watch.js';
import { SidecarMemberRunner } from './members/sidecar-member-runner.js';
import { SIDECAR_SETTINGS, loadSidecarSettings } from './members/sidecar-settings.js';
import { WorkloadHosts } from './members/workload-hosts.js';
import { HookMetrics } from './metrics/hook-metrics.js';
import { MemberRunMetrics } from './metrics/member-run-metrics.js';
import { QueueDepthMetrics } from './metrics/queue-depth-metrics.js';
import { MemberQueue } from './queues/member-queue.js';
import { RestoreQueue } from './queues/restore-queue.js';
import { SessionQueue } from './queues/session-queue.js';
import { Workers } from './queues/workers.js';
import { InitContainerRestore } from './restore/init-container-restore.js';
import { RestoreEvents } from './restore/restore-events.js';
import { RestoreMemberRunner } from './restore/restore-member-runner.js';
import { RestoreRunner } from './restore/restore-runner.js';
import { RunRequestsController } from './run-requests.controller.js';
import { BatchLock } from './locks/batch-lock.js';
import { HolderLocks } from './locks/holder-locks.js';
import { RepositoryLock } from './locks/repository-lock.js';
import { SessionEvents } from './session/session-events.js';
import { SessionRunner } from './session/session-runner.js';

/** Consumes run requests (BackupSessions, RestoreBatches), plans member runs and executes them through BullMQ. */
@Module({
  imports: [KubeModule, MessagingModule.forRoot(), QueueModule],
  controllers: [RunRequestsController],
  providers: [
    { provide: EXECUTOR_SETTINGS, inject: [SERVICE_CONFIG], useFactory: (config: ServiceConfig) => loadExecutorSettings(config) },
    ClusterObjects,
    SessionEvents,
    SessionQueue,
    MemberQueue,
    HolderLocks,
    BatchLock,
    RepositoryLock,
    SessionRunner,
    MemberRunResolver,
    MemberRepositoryResolver,
    RunnerPodWatch,
    MemberJobs,
    MemberRunner,
    { provide: SIDECAR_SETTINGS, useFactory: () => loadSidecarSettings() },
    WorkloadHosts,
    AgentRequests,
    HostResults,
    PodExec,
    HostHooks,
    SidecarMemberRunner,
    RestoreQueue,
    RestoreEvents,
    RestoreRunner,
    InitContainerRestore,
    RestoreMemberRunner,
    Workers,
    MemberRunMetrics,
    HookMetrics,
    QueueDepthMetrics,
    KubeWriteMetrics,
  ],
})
export class ExecutorModule {}
