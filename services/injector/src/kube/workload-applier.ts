import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import { KubeClient } from '@restash/kube';
import { InjectorMetrics } from '../metrics/injector-metrics.js';
import { FIELD_MANAGER } from '../plan/injector-fields.js';
import type { Workload } from '../workloads/workload.js';

/** Server-side applies the injector's partial workloads with its own field manager (forcing: these fields are ours). */
@Injectable()
export class WorkloadApplier {
  constructor(
    private readonly kube: KubeClient,
    private readonly metrics: InjectorMetrics,
  ) {}

  async apply(object: KubernetesObject, fieldManager = FIELD_MANAGER): Promise<Workload> {
    return (await this.metrics.patch(object.kind ?? 'unknown', this.kube.objects.patch(object, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply))) as Workload;
  }
}
