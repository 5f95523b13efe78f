import type { V1Pod } from '@kubernetes/client-node';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { KubeClient, ResourceInformer } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ChangeSignals } from './change-signals.js';
import { RUNNER_COMPONENT_SELECTOR } from './member-job-manifest.js';

/**
 * Watches the pods of runner Jobs so that whoever follows a Job hears at once when its pod changes
 * (its container ended), instead of at its next poll. The poll stays: a watch being re-established
 * only delays the news to the poll's pace, never loses it.
 */
@Injectable()
export class RunnerPodWatch implements OnModuleInit, OnApplicationShutdown {
  private readonly signals = new ChangeSignals();
  private readonly informer: ResourceInformer<V1Pod>;

  constructor(kube: KubeClient, @Inject(LOGGER) private readonly logger: Logger) {
    const changed = (pod: V1Pod) => this.signals.notify(jobKey(pod.metadata?.namespace ?? '', pod.metadata?.labels?.['job-name'] ?? ''));
    this.informer = new ResourceInformer<V1Pod>(
      kube,
      '/api/v1/pods',
      () => kube.core.listPodForAllNamespaces({ labelSelector: RUNNER_COMPONENT_SELECTOR }),
      { upsert: changed, deleted: changed },
      logger,
      RUNNER_COMPONENT_SELECTOR,
      { dropManagedFields: true },
    );
  }

  onModuleInit(): void {
    this.informer.start().catch((error: unknown) => this.logger.warn({ err: error }, 'runner pod watch did not start; following Jobs by polling'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.informer.stop();
    this.signals.notifyAll();
  }

  /** Resolves when a pod of the Job changes, or after `timeoutMs`. */
  nextChange(namespace: string, jobName: string, timeoutMs: number): Promise<void> {
    return this.signals.next(jobKey(namespace, jobName), timeoutMs);
  }
}

function jobKey(namespace: string, jobName: string): string {
  return `${namespace}/${jobName}`;
}
