import type { ContainerRun } from './container-run.js';
import { hasRunBefore } from './container-run.js';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** The next step for a pod: which containers to start or stop now, when to look again, and the phase to report. */
export interface PodPlan {
  readonly start: string[];
  readonly stop: string[];
  readonly wakeAt?: number;
  readonly phase: PodPhase;
  readonly initialized: boolean;
}

/**
 * Decides the next step from the containers' states alone: init containers one at a time, in order, each to
 * completion (sidecars only to start); then all containers; the pod ends when its containers are terminated for good.
 * A container in `waiting` starts once its back-off (notBefore) has passed; `terminated` is final. Once the pod has
 * been initialized it stays so: only crashed sidecars restart among the init containers.
 */
export function planPod(runs: readonly ContainerRun[], now: number, alreadyInitialized = false): PodPlan {
  const start: string[] = [];
  let wakeAt: number | undefined;
  const startWhenDue = (run: ContainerRun) => {
    if (run.notBefore === undefined || run.notBefore <= now) start.push(run.name);
    else wakeAt = Math.min(wakeAt ?? Infinity, run.notBefore);
  };

  let initialized = true;
  let initFailed = false;
  for (const run of runs.filter((r) => r.init)) {
    if (alreadyInitialized) {
      if (run.sidecar && run.state.type === 'waiting') startWhenDue(run);
      continue;
    }
    if (run.sidecar && run.state.type !== 'waiting') continue; // started: the next init container may start
    if (run.state.type === 'terminated' && run.state.exitCode === 0) continue;
    if (run.state.type === 'terminated') initFailed = true;
    else if (run.state.type === 'waiting') startWhenDue(run);
    initialized = false;
    break;
  }

  const mains = runs.filter((r) => !r.init);
  if (initialized) for (const run of mains) if (run.state.type === 'waiting') startWhenDue(run);

  const phase = podPhase(mains, initialized, initFailed);
  if (phase === 'Succeeded' || phase === 'Failed') {
    const stop = runs.filter((r) => r.sidecar && r.state.type === 'running').map((r) => r.name);
    return { start: [], stop, phase, initialized };
  }
  return { start, stop: [], wakeAt, phase, initialized };
}

function podPhase(mains: readonly ContainerRun[], initialized: boolean, initFailed: boolean): PodPhase {
  if (initFailed) return 'Failed';
  if (!initialized) return 'Pending';
  if (mains.length > 0 && mains.every((r) => r.state.type === 'terminated')) {
    return mains.every((r) => r.state.type === 'terminated' && r.state.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  return mains.some(hasRunBefore) ? 'Running' : 'Pending';
}
