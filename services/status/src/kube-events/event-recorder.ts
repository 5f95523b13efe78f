import type { CoreV1Event } from '@kubernetes/client-node';
import { Inject, Injectable } from '@nestjs/common';
import { isConflict, isNamespaceTerminating, KubeClient } from '@restash/kube';
import { secretScrubber, type Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { eventName } from './event-name.js';
import type { InvolvedObject } from './involved-object.js';
import type { Notice } from './notice.js';

export const EVENT_SOURCE = 'restash-status';
const MAX_MESSAGE_LENGTH = 1024;

/**
 * Records core/v1 Events. A repeat of an Event (same object, type, reason and message) bumps the
 * existing Event's count and lastTimestamp instead of adding another object. Events are
 * best-effort: a failure is logged, never thrown into the status work.
 */
@Injectable()
export class EventRecorder {
  private readonly logger: Logger;

  constructor(
    private readonly kube: KubeClient,
    private readonly metrics: StatusMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'event-recorder' });
  }

  async record(object: InvolvedObject, notice: Notice): Promise<void> {
    const scrubbed = { ...notice, message: secretScrubber.scrub(notice.message).slice(0, MAX_MESSAGE_LENGTH) };
    try {
      await this.createOrBump(object, scrubbed);
      this.metrics.kubeWrite('events', 'ok');
    } catch (error) {
      if (isNamespaceTerminating(error)) {
        this.logger.debug({ namespace: object.namespace, name: object.name, reason: notice.reason }, 'no event: its namespace is being deleted');
        return;
      }
      this.metrics.kubeWrite('events', isConflict(error) ? 'conflict' : 'error');
      this.logger.warn({ err: error, namespace: object.namespace, name: object.name, reason: notice.reason }, 'could not record event');
    }
  }

  private async createOrBump(object: InvolvedObject, notice: Notice): Promise<void> {
    const name = eventName(object, notice);
    const now = new Date();
    try {
      await this.kube.core.createNamespacedEvent({ namespace: object.namespace, body: newEvent(name, object, notice, now) });
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = await this.kube.core.readNamespacedEvent({ namespace: object.namespace, name });
      const body: CoreV1Event = { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now };
      await this.kube.core.replaceNamespacedEvent({ namespace: object.namespace, name, body });
    }
  }
}

function newEvent(name: string, object: InvolvedObject, notice: Notice, now: Date): CoreV1Event {
  return {
    metadata: { name, namespace: object.namespace },
    involvedObject: object,
    type: notice.type,
    reason: notice.reason,
    message: notice.message,
    source: { component: EVENT_SOURCE },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
}
