import { type ContainerRun, type RunState, type Terminated, containerID } from './container-run.js';
import type { PodPhase } from './pod-plan.js';

/** The pod status fields the local node owns, as plain JSON for a merge patch. */
export interface PodStatusReport {
  phase: PodPhase;
  conditions: ConditionJson[];
  hostIP: string;
  hostIPs: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime: string;
  initContainerStatuses: ContainerStatusJson[];
  containerStatuses: ContainerStatusJson[];
  message?: string;
  reason?: string;
}

export interface ConditionJson {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastTransitionTime: string;
  lastProbeTime: null;
}

export interface ContainerStatusJson {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: Record<string, unknown>;
  lastState: Record<string, unknown>;
}

export interface PodStatusInput {
  readonly runs: readonly ContainerRun[];
  readonly phase: PodPhase;
  readonly initialized: boolean;
  readonly hostIP: string;
  readonly podIP?: string;
  readonly startTime: string;
  readonly now: string;
  /** The pod's current conditions: transition times are kept while a condition's status is unchanged, others' conditions are kept. */
  readonly previousConditions: readonly PreviousCondition[];
  /** The conditions this node reported last (the pod object may not show them yet): preferred for transition times. */
  readonly lastReported?: readonly PreviousCondition[];
  /** A pod-level problem to show (e.g. its volumes could not be prepared). */
  readonly message?: string;
}

/** A condition as the pod carries it (Date or string times) or as the local node last reported it. */
export interface PreviousCondition {
  readonly type: string;
  readonly status: string;
  readonly lastTransitionTime?: Date | string | null;
}

const ownedConditions = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'];

export function podStatusReport(input: PodStatusInput): PodStatusReport {
  const mains = input.runs.filter((r) => !r.init);
  const inits = input.runs.filter((r) => r.init);
  const terminal = input.phase === 'Succeeded' || input.phase === 'Failed';
  const unready = mains.filter((r) => !isReady(r)).map((r) => r.name);
  const incompleteInits = inits.filter(
    (r) => !(r.state.type === 'terminated' && r.state.exitCode === 0) && !(r.sidecar && r.state.type === 'running'),
  );
  const notReadyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  const containersReady = condition(
    'ContainersReady',
    unready.length === 0 && !terminal,
    notReadyReason,
    `containers with unready status: [${unready.join(' ')}]`,
  );
  const conditions = [
    condition('PodScheduled', true),
    condition(
      'Initialized',
      input.initialized || terminal,
      'ContainersNotInitialized',
      `containers with incomplete status: [${incompleteInits.map((r) => r.name).join(' ')}]`,
    ),
    containersReady,
    { ...containersReady, type: 'Ready' },
  ].map((c) => withTransitionTime(c, [...(input.lastReported ?? []), ...input.previousConditions], input.now));
  const others = input.previousConditions
    .filter((c) => !ownedConditions.includes(c.type))
    .map((c) => ({ ...c, lastTransitionTime: iso(c.lastTransitionTime) ?? input.now, lastProbeTime: null }) as ConditionJson);
  return {
    phase: input.phase,
    conditions: [...conditions, ...others],
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    ...(input.podIP ? { podIP: input.podIP, podIPs: [{ ip: input.podIP }] } : {}),
    startTime: input.startTime,
    initContainerStatuses: inits.map(containerStatus),
    containerStatuses: mains.map(containerStatus),
    ...(input.message ? { message: input.message, reason: 'LocalNodeError' } : {}),
  };
}

function isReady(run: ContainerRun): boolean {
  return run.state.type === 'running' && run.state.ready;
}

function condition(type: string, ok: boolean, reason?: string, message?: string): Omit<ConditionJson, 'lastTransitionTime'> {
  return ok ? { type, status: 'True', lastProbeTime: null } : { type, status: 'False', reason, message, lastProbeTime: null };
}

function withTransitionTime(
  c: Omit<ConditionJson, 'lastTransitionTime'>,
  previous: readonly PreviousCondition[],
  now: string,
): ConditionJson {
  const before = previous.find((p) => p.type === c.type);
  const kept = before && before.status === c.status ? iso(before.lastTransitionTime) : undefined;
  return { ...c, lastTransitionTime: kept ?? now };
}

export function containerStatus(run: ContainerRun): ContainerStatusJson {
  const pid = run.state.type === 'running' ? run.state.pid : undefined;
  const id = run.state.type === 'running' ? containerID(pid) : run.state.type === 'terminated' ? run.state.containerID : undefined;
  return {
    name: run.name,
    image: run.image,
    imageID: `local://${run.image}`,
    ...(id ? { containerID: id } : {}),
    ready: isReady(run),
    started: run.state.type === 'running',
    restartCount: run.restartCount,
    state: stateJson(run.state),
    lastState: run.lastTerminated ? stateJson(run.lastTerminated) : {},
  };
}

function stateJson(state: RunState): Record<string, unknown> {
  switch (state.type) {
    case 'waiting':
      return { waiting: { reason: state.reason, ...(state.message ? { message: state.message } : {}) } };
    case 'running':
      return { running: { startedAt: state.startedAt } };
    case 'terminated':
      return { terminated: terminatedJson(state) };
  }
}

function terminatedJson(t: Terminated): Record<string, unknown> {
  return {
    exitCode: t.exitCode,
    ...(t.signal ? { signal: t.signal } : {}),
    reason: t.reason,
    ...(t.message ? { message: t.message } : {}),
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    ...(t.containerID ? { containerID: t.containerID } : {}),
  };
}

/** Timestamps arrive as Date (from a list) or string (from a watch event); the API wants RFC 3339 seconds. */
export function iso(value: Date | string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : rfc3339(date);
}

export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
