import type { V1Container, V1ContainerState, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { imageKind } from '../images/image-kind.js';
import type { ContainerRun, RunState, Terminated } from './container-run.js';
import { iso } from './pod-status.js';

/** The containers of a pod as the local node first sees it, and which of them had a process that is gone now. */
export interface AdoptedRuns {
  readonly runs: ContainerRun[];
  /** Containers the pod's status says are running, whose process did not survive the previous local node. */
  readonly lost: string[];
  readonly terminal: boolean;
  readonly initialized: boolean;
}

export function adoptRuns(pod: V1Pod, now: string): AdoptedRuns {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const lost: string[] = [];
  const toRun = (container: V1Container, init: boolean): ContainerRun => {
    const status = statuses.find((s) => s.name === container.name);
    const kind = imageKind(container.image);
    const run: ContainerRun = {
      name: container.name,
      image: container.image ?? '',
      init,
      sidecar: init && container.restartPolicy === 'Always',
      kind,
      state: { type: 'waiting', reason: 'ContainerCreating' },
      restartCount: status?.restartCount ?? 0,
      lastTerminated: status?.lastState ? terminatedFrom(status.lastState, now) : undefined,
    };
    const state = status?.state ? stateFrom(status, now) : undefined;
    if (state?.type === 'running' && kind !== 'other') lost.push(container.name);
    if (state) run.state = state;
    return run;
  };
  const phase = pod.status?.phase;
  return {
    runs: [...(pod.spec?.initContainers ?? []).map((c) => toRun(c, true)), ...(pod.spec?.containers ?? []).map((c) => toRun(c, false))],
    lost,
    terminal: phase === 'Succeeded' || phase === 'Failed',
    initialized: pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') ?? false,
  };
}

function stateFrom(status: V1ContainerStatus, now: string): RunState | undefined {
  const state = status.state!;
  if (state.running) return { type: 'running', startedAt: iso(state.running.startedAt) ?? now, ready: status.ready };
  if (state.terminated) return terminatedFrom(state, now);
  if (state.waiting) return { type: 'waiting', reason: state.waiting.reason ?? 'ContainerCreating', message: state.waiting.message };
  return undefined;
}

function terminatedFrom(state: V1ContainerState, now: string): Terminated | undefined {
  const t = state.terminated;
  if (!t) return undefined;
  return {
    type: 'terminated',
    exitCode: t.exitCode,
    signal: t.signal,
    reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'),
    message: t.message,
    startedAt: iso(t.startedAt) ?? now,
    finishedAt: iso(t.finishedAt) ?? now,
    containerID: t.containerID,
  };
}
