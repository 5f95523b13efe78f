import { Inject, Injectable } from '@nestjs/common';
import { kubeWriteResult } from '@restash/kube';
import { Counter, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';

/** `restash_injector_patches_total{kind, result}`: the injector's server-side applies to workloads (stash sidecar or stash-init, in or out). */
@Injectable()
export class InjectorMetrics {
  private readonly patches: Counter<'kind' | 'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.patches = new Counter({ name: 'restash_injector_patches_total', help: 'Server-side applies to workloads (the stash sidecar, the stash-init restore container, or their removal), by workload kind and result.', labelNames: ['kind', 'result'], registers: [registry] });
  }

  /** Counts the apply's result (applied, or why the API server refused) and passes its outcome on. */
  async patch<T>(kind: string, apply: Promise<T>): Promise<T> {
    try {
      const applied = await apply;
      this.patches.inc({ kind, result: 'applied' });
      return applied;
    } catch (error) {
      this.patches.inc({ kind, result: kubeWriteResult(error) });
      throw error;
    }
  }
}
