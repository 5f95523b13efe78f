import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import { KubeClient, LeaderElector } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER, SERVICE_CONFIG } from '@restash/service-runtime';
import { SchedulerMetrics } from './scheduler-metrics.js';
import { LEASE_NAME, SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler-settings.js';

/** Whether this replica acts: only the holder of the scheduler Lease creates sessions and publishes. */
@Injectable()
export class Leadership {
  private readonly elector: LeaderElector;
  private readonly listeners: Array<(leader: boolean) => void> = [];

  constructor(
    kube: KubeClient,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(SCHEDULER_SETTINGS) settings: SchedulerSettings,
    @Inject(LOGGER) logger: Logger,
    private readonly metrics: SchedulerMetrics,
  ) {
    this.elector = new LeaderElector({
      leases: kube.coordination,
      namespace: settings.leaseNamespace,
      name: LEASE_NAME,
      identity: config.instanceId,
      leaseDurationSeconds: settings.leaseDurationSeconds,
      logger,
      onGained: () => this.changed(true),
      onLost: () => this.changed(false),
    });
  }

  get isLeader(): boolean {
    return this.elector.isLeader;
  }

  onChange(listener: (leader: boolean) => void): void {
    this.listeners.push(listener);
  }

  start(): void {
    this.elector.start();
  }

  /** Steps down and releases the Lease, so another replica takes over at once. */
  stop(): Promise<void> {
    return this.elector.stop();
  }

  private changed(leader: boolean): void {
    this.metrics.isLeader.set(leader ? 1 : 0);
    for (const listener of this.listeners) listener(leader);
  }
}
