import type { V1Pod } from '@kubernetes/client-node';
import type { NodeContext } from '../node-context.js';
import { PodBinder } from '../scheduling/pod-binder.js';
import { PodWorker } from './pod-worker.js';

/** Routes pod events: unbound pods to the binder, this node's pods to one worker each. */
export class PodSupervisor {
  private readonly workers = new Map<string, PodWorker>();
  /** Pods whose worker has finished (deleted or being deleted): later events about them are ignored. */
  private readonly finished = new Set<string>();

  constructor(
    private readonly ctx: NodeContext,
    private readonly binder: PodBinder,
  ) {}

  upsert(pod: V1Pod): void {
    if (this.ctx.shuttingDown()) return;
    if (PodBinder.needsBinding(pod)) return this.binder.bind(pod);
    const uid = pod.metadata!.uid!;
    if (pod.spec?.nodeName !== this.ctx.config.nodeName || this.finished.has(uid)) return;
    let worker = this.workers.get(uid);
    if (!worker) {
      worker = new PodWorker(this.ctx, pod, (done) => {
        this.workers.delete(done);
        this.finished.add(done);
      });
      this.workers.set(uid, worker);
    }
    worker.update(pod);
  }

  remove(pod: V1Pod): void {
    const uid = pod.metadata!.uid!;
    const worker = this.workers.get(uid);
    this.finished.delete(uid);
    if (worker) void worker.podGone();
  }

  workerByName(namespace: string, name: string): PodWorker | undefined {
    return [...this.workers.values()].find((w) => w.namespace === namespace && w.name === name);
  }

  async shutdown(graceMs: number): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.shutdown(graceMs)));
  }
}
