import { type Informer, type KubeConfig, type KubernetesObject, type ListPromise, makeInformer } from '@kubernetes/client-node';
import { type Logger, describeError } from '../json-logger.js';

export interface InformerHandlers<T extends KubernetesObject> {
  upsert(obj: T): void;
  remove(obj: T): void;
}

/** A list+watch that reconnects after errors (the client's informer stops on them), calling the handlers for every change. */
export function startResilientInformer<T extends KubernetesObject>(
  config: KubeConfig,
  path: string,
  list: ListPromise<T>,
  handlers: InformerHandlers<T>,
  log: Logger,
): { stop(): Promise<void> } {
  const informer: Informer<T> = makeInformer(config, path, list);
  let stopped = false;
  const guard = (fn: (obj: T) => void) => (obj: T) => {
    try {
      fn(obj);
    } catch (err) {
      log.error('informer handler failed', { path, name: obj.metadata?.name, namespace: obj.metadata?.namespace, err: describeError(err) });
    }
  };
  informer.on('add', guard(handlers.upsert));
  informer.on('update', guard(handlers.upsert));
  informer.on('delete', guard(handlers.remove));
  const restart = () => {
    if (stopped) return;
    informer.start().catch((err: unknown) => {
      log.warn('watch failed; retrying', { path, err: describeError(err) });
      setTimeout(restart, 2_000);
    });
  };
  informer.on('error', (err: unknown) => {
    if (stopped) return;
    log.warn('watch ended; reconnecting', { path, err: describeError(err) });
    setTimeout(restart, 2_000);
  });
  restart();
  return {
    stop: async () => {
      stopped = true;
      await informer.stop();
    },
  };
}
