import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import { KubeClient } from '@restash/kube';
import { FIELD_MANAGER } from '../plan/injector-fields.js';
import type { Workload } from '../workloads/workload.js';

/** Server-side applies the injector's partial workloads with its own field manager (forcing: these fields are ours). */
@Injectable()
export class WorkloadApplier {
  constructor(private readonly kube: KubeClient) {}

  async apply(object: KubernetesObject): Promise<Workload> {
    return (await this.kube.objects.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply)) as Workload;
  }
}
