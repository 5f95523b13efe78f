import { Injectable } from '@nestjs/common';
import type { KubeObject, ResourceType } from '@restash/api';
import { apiErrorMessage, apiStatusCode, isConflict, isNotFound, KubeClient } from '@restash/kube';
import { PermanentMessageError } from '@restash/messaging';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { KeyedMutex } from './keyed-mutex.js';
import { sameJson } from './same-json.js';

/** Which object a status is written to; with a uid, a recreated object of the same name is left alone. */
export interface StatusTarget {
  namespace: string;
  name: string;
  uid?: string;
}

export type StatusWrite<Spec, Status> =
  | { outcome: 'missing' }
  | { outcome: 'recreated' }
  | { outcome: 'unchanged'; object: KubeObject<Spec, Status> }
  | { outcome: 'written'; before: KubeObject<Spec, Status>; object: KubeObject<Spec, Status> };

const MAX_ATTEMPTS = 5;
const UNPROCESSABLE = 422;

/**
 * Read–compute–replace of .status through the status subresource, with the object's
 * resourceVersion as an optimistic lock: on a conflict the object is read again and the status
 * recomputed. Writes to one object are serialized within the process, and an unchanged status is
 * not written at all.
 */
@Injectable()
export class StatusWriter {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly kube: KubeClient,
    private readonly metrics: StatusMetrics,
  ) {}

  update<Spec, Status>(
    resource: ResourceType,
    target: StatusTarget,
    compute: (object: KubeObject<Spec, Status>) => Status,
  ): Promise<StatusWrite<Spec, Status>> {
    return this.mutex.run(`${resource.plural}/${target.namespace}/${target.name}`, () => this.updateNow(resource, target, compute));
  }

  private async updateNow<Spec, Status>(
    resource: ResourceType,
    target: StatusTarget,
    compute: (object: KubeObject<Spec, Status>) => Status,
  ): Promise<StatusWrite<Spec, Status>> {
    for (let attempt = 1; ; attempt++) {
      const object = await this.read<Spec, Status>(resource, target);
      if (!object) return { outcome: 'missing' };
      if (target.uid && object.metadata.uid !== target.uid) return { outcome: 'recreated' };
      const status = compute(object);
      if (sameJson(status, object.status)) return { outcome: 'unchanged', object };
      try {
        return { outcome: 'written', before: object, object: await this.replaceStatus(resource, { ...object, status }) };
      } catch (error) {
        if (isNotFound(error)) return { outcome: 'missing' };
        // The schema rejected the status: delivering the same message again cannot succeed.
        if (apiStatusCode(error) === UNPROCESSABLE) throw new PermanentMessageError(`${resource.kind} status rejected: ${apiErrorMessage(error)}`);
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async read<Spec, Status>(resource: ResourceType, { namespace, name }: StatusTarget): Promise<KubeObject<Spec, Status> | undefined> {
    try {
      return (await this.kube.customObjects.getNamespacedCustomObject({ ...address(resource), namespace, name })) as KubeObject<Spec, Status>;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async replaceStatus<Spec, Status>(resource: ResourceType, object: KubeObject<Spec, Status>): Promise<KubeObject<Spec, Status>> {
    const { namespace = '', name = '' } = object.metadata;
    try {
      const written = await this.kube.customObjects.replaceNamespacedCustomObjectStatus({ ...address(resource), namespace, name, body: object });
      this.metrics.kubeWrite(resource.plural, 'ok');
      return written as KubeObject<Spec, Status>;
    } catch (error) {
      this.metrics.kubeWrite(resource.plural, isConflict(error) ? 'conflict' : isNotFound(error) ? 'not-found' : 'error');
      throw error;
    }
  }
}

function address(resource: ResourceType) {
  return { group: resource.group, version: resource.version, plural: resource.plural };
}
