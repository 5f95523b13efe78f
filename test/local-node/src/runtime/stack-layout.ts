import { join } from 'node:path';

/** Where the local node keeps things under the stack directory. */
export class StackLayout {
  constructor(readonly stackDir: string) {}

  get pidsDir(): string {
    return join(this.stackDir, 'pids');
  }

  get podLogsDir(): string {
    return join(this.stackDir, 'logs', 'pods');
  }

  get volumesDir(): string {
    return join(this.stackDir, 'volumes');
  }

  get localNodeDir(): string {
    return join(this.stackDir, 'local-node');
  }

  /** A pod's private directory: materialized secret/configMap files, generated /etc/hosts, run dirs. */
  podDir(uid: string): string {
    return join(this.localNodeDir, 'pods', uid);
  }

  claimDir(namespace: string, claim: string): string {
    return join(this.volumesDir, namespace, claim);
  }

  emptyDirRoot(namespace: string, pod: string): string {
    return join(this.volumesDir, namespace, pod);
  }

  emptyDir(namespace: string, pod: string, volume: string): string {
    return join(this.emptyDirRoot(namespace, pod), volume);
  }

  pidFile(namespace: string, pod: string, container: string): string {
    return join(this.pidsDir, `pod-${namespace}-${pod}-${container}.pid`);
  }

  logFile(namespace: string, pod: string, container: string): string {
    return join(this.podLogsDir, `${namespace}_${pod}_${container}.log`);
  }
}
