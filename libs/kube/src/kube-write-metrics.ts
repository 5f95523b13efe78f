import { Inject, Injectable } from '@nestjs/common';
import { Counter, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';
import { apiStatusCode } from './api-errors.js';

/** How a write to the API server ended; a write that found its object already there (or gone) is not an error. */
export type KubeWriteResult = 'ok' | 'exists' | 'not-found' | 'conflict' | 'rejected' | 'error';

/** Pure: the result label of a failed write, from the API server's status code. */
export function kubeWriteResult(error: unknown, { createOrDelete = false } = {}): KubeWriteResult {
  const status = apiStatusCode(error);
  if (status === 404) return 'not-found';
  if (status === 409) return createOrDelete ? 'exists' : 'conflict';
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return 'rejected';
  return 'error';
}

/**
 * `restash_kube_writes_total{resource, result}`: the writes a service makes to the API server.
 * Provide it in a service's module (not globally: the status service counts its own).
 */
@Injectable()
export class KubeWriteMetrics {
  private readonly writes: Counter<'resource' | 'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.writes = new Counter({
      name: 'restash_kube_writes_total',
      help: 'Writes to the Kubernetes API, by resource and result.',
      labelNames: ['resource', 'result'],
      registers: [registry],
    });
  }

  /** Counts the write's result and passes its outcome on unchanged. 409 on a create means "exists". */
  async count<T>(resource: string, write: Promise<T>, options: { createOrDelete?: boolean } = {}): Promise<T> {
    try {
      const result = await write;
      this.writes.inc({ resource, result: 'ok' });
      return result;
    } catch (error) {
      this.writes.inc({ resource, result: kubeWriteResult(error, options) });
      throw error;
    }
  }
}
