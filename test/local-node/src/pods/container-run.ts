import type { ImageKind } from '../images/image-kind.js';

export interface Terminated {
  readonly type: 'terminated';
  readonly exitCode: number;
  readonly signal?: number;
  readonly reason: string;
  readonly message?: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly containerID?: string;
}

export type RunState =
  | { readonly type: 'waiting'; readonly reason: string; readonly message?: string }
  | { readonly type: 'running'; readonly startedAt: string; readonly pid?: number; readonly ready: boolean }
  | Terminated;

/** What the local node knows about one container of a pod: its state now and its history. */
export interface ContainerRun {
  readonly name: string;
  readonly image: string;
  readonly init: boolean;
  /** An init container with restartPolicy Always (a native sidecar): started in init order, then keeps running. */
  readonly sidecar: boolean;
  readonly kind: ImageKind;
  state: RunState;
  lastTerminated?: Terminated;
  restartCount: number;
  /** Earliest start time (epoch ms) while backing off or retrying a configuration error. */
  notBefore?: number;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** Whether a container that just exited starts again, as the kubelet decides it. */
export function shouldRestart(run: ContainerRun, policy: RestartPolicy, exitCode: number): boolean {
  if (run.sidecar) return true;
  if (run.init) return exitCode !== 0 && policy !== 'Never';
  if (policy === 'Always') return true;
  return policy === 'OnFailure' && exitCode !== 0;
}

export function hasRunBefore(run: ContainerRun): boolean {
  return run.restartCount > 0 || run.lastTerminated !== undefined || run.state.type !== 'waiting';
}

export function containerID(pid: number | undefined): string {
  return pid === undefined ? 'local://not-run' : `local://${pid}`;
}
