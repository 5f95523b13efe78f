import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { constants } from 'node:os';
import { ContainerConfigError } from '../env/env-sources.js';
import { type Logger, describeError } from '../json-logger.js';
import { isConflict, isNotFound, mergePatch } from '../kube/kube-clients.js';
import type { NodeContext } from '../node-context.js';
import { namespacedArgv } from '../runtime/namespace-wrapper.js';
import { type ProcessExit, launchProcess } from '../runtime/process-launcher.js';
import { signalGroup, stopGroup } from '../runtime/process-groups.js';
import { acceptsTcp } from '../runtime/tcp-probe.js';
import { adoptRuns } from './adopted-runs.js';
import { type ContainerLaunch, prepareLaunch } from './container-launch.js';
import { type ContainerRun, type RestartPolicy, type Terminated, containerID, shouldRestart } from './container-run.js';
import { cleanUpPod } from './pod-cleanup.js';
import { type PodPhase, planPod } from './pod-plan.js';
import { type PodSetup, setUpPod } from './pod-setup.js';
import { type ConditionJson, podStatusReport, rfc3339 } from './pod-status.js';
import { restartDelayMs } from './restart-backoff.js';

interface RunningProcess {
  readonly pid: number;
  readonly exited: Promise<ProcessExit>;
  readonly launch: ContainerLaunch;
  stopping: boolean;
}

const retryMs = 3_000;
const readinessPollMs = 500;

/**
 * One pod on the local node. Every change (pod update, process exit, back-off expiry, readiness) triggers one
 * serialized reconcile: desired state from the spec, actual state from the processes → start, stop, report.
 */
export class PodWorker {
  private pod: V1Pod;
  private readonly log: Logger;
  private readonly runs: ContainerRun[];
  private lost: string[];
  private terminalPhase?: PodPhase;
  private initialized: boolean;
  private setup?: PodSetup;
  private setupError?: string;
  private readonly processes = new Map<string, RunningProcess>();
  private readonly startTime: string;
  private wakeTimer?: NodeJS.Timeout;
  private wakeAt?: number;
  private busy = false;
  private again = false;
  private done = false;
  private lastReport?: string;
  private reportedConditions?: ConditionJson[];

  constructor(
    private readonly ctx: NodeContext,
    pod: V1Pod,
    private readonly onDone: (uid: string) => void,
  ) {
    this.pod = pod;
    this.log = ctx.log.child({ namespace: pod.metadata!.namespace, pod: pod.metadata!.name });
    const adopted = adoptRuns(pod, rfc3339(new Date()));
    this.runs = adopted.runs;
    this.lost = adopted.lost;
    this.initialized = adopted.initialized;
    if (adopted.terminal) this.terminalPhase = pod.status!.phase as PodPhase;
    this.startTime = pod.status?.startTime ? rfc3339(new Date(pod.status.startTime)) : rfc3339(new Date());
    // Keep an adopted pod's address before any new pod is given one.
    if (pod.status?.podIP) ctx.ipPool.reserve(pod.metadata!.uid!, pod.status.podIP);
  }

  get uid(): string {
    return this.pod.metadata!.uid!;
  }

  get namespace(): string {
    return this.pod.metadata!.namespace!;
  }

  get name(): string {
    return this.pod.metadata!.name!;
  }

  get logFiles(): ReadonlyMap<string, string> {
    return new Map(this.runs.map((r) => [r.name, this.ctx.layout.logFile(this.namespace, this.name, r.name)]));
  }

  update(pod: V1Pod): void {
    this.pod = pod;
    this.kick();
  }

  /** The process environment of a container, for exec: its pid when it runs, and how it was launched. */
  async execTarget(container: string): Promise<{ pid?: number; launch: ContainerLaunch }> {
    const running = this.processes.get(container);
    if (running) return { pid: running.pid, launch: running.launch };
    const run = this.runs.find((r) => r.name === container);
    if (!run || !this.setup) throw new Error(`container ${container} is not running`);
    if (run.kind !== 'other') throw new Error(`container ${container} is not running (${run.state.type})`);
    return { launch: await prepareLaunch(this.ctx, this.pod, this.setup, this.spec(run), run.kind) };
  }

  /** The pod object is gone from the API (force deletion): stop everything now, clean up. */
  async podGone(): Promise<void> {
    this.finish();
    await this.stopAll(2_000);
    await cleanUpPod(this.ctx, this.pod).catch((err: unknown) => this.log.warn('cleanup failed', { err: describeError(err) }));
  }

  /** The local node stops: stop the processes, touch nothing in the API. */
  async shutdown(graceMs: number): Promise<void> {
    this.finish();
    await this.stopAll(graceMs);
  }

  kick(): void {
    if (this.done) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.reconcile();
      } catch (err) {
        this.log.error('reconcile failed', { err: describeError(err) });
        this.wakeIn(retryMs);
      }
    } while (this.again && !this.done);
    this.busy = false;
  }

  private async reconcile(): Promise<void> {
    if (this.done || this.ctx.shuttingDown()) return;
    if (this.pod.metadata?.deletionTimestamp) return this.terminate();
    if (!this.setup && !(await this.trySetUp())) return;
    for (const name of this.lost.splice(0)) {
      const run = this.runs.find((r) => r.name === name)!;
      const startedAt = run.state.type === 'running' ? run.state.startedAt : rfc3339(new Date());
      this.recordExit(run, terminated(137, 'Error', startedAt, undefined, 'the process was lost: the local node restarted'));
    }
    if (!this.terminalPhase) await this.advance();
    await this.report();
  }

  private async trySetUp(): Promise<boolean> {
    try {
      this.setup = await setUpPod(this.ctx, this.pod);
      this.setupError = undefined;
      return true;
    } catch (err) {
      const message = describeError(err);
      if (message !== this.setupError) {
        this.log.warn('pod setup failed', { err: message });
        this.ctx.events.warning(this.pod, 'FailedMount', message);
      }
      this.setupError = message;
      for (const run of this.runs) if (run.state.type === 'waiting') run.state = { type: 'waiting', reason: 'ContainerCreating', message };
      this.wakeIn(retryMs);
      await this.report();
      return false;
    }
  }

  /** Starts what the plan says, re-planning after each round (a completed init container lets the next one start). */
  private async advance(): Promise<void> {
    let plan = planPod(this.runs, Date.now(), this.initialized);
    for (let round = 0; round < 20 && plan.start.length > 0 && !this.done; round++) {
      for (const name of plan.start) await this.start(this.runs.find((r) => r.name === name)!);
      if (this.pod.metadata?.deletionTimestamp || this.done) return;
      plan = planPod(this.runs, Date.now(), this.initialized);
    }
    if (plan.initialized) this.initialized = true;
    for (const name of plan.stop) {
      const running = this.processes.get(name);
      if (running) {
        running.stopping = true;
        signalGroup(running.pid, running.launch.stopSignal ?? 'SIGTERM');
      }
    }
    if (plan.phase === 'Succeeded' || plan.phase === 'Failed') {
      this.terminalPhase = plan.phase;
      this.log.info('pod finished', { phase: plan.phase });
    }
    if (plan.wakeAt !== undefined) this.wakeIn(plan.wakeAt - Date.now());
  }

  private async start(run: ContainerRun): Promise<void> {
    const restarting = run.lastTerminated !== undefined;
    run.notBefore = undefined;
    let launch: ContainerLaunch;
    try {
      launch = await prepareLaunch(this.ctx, this.pod, this.setup!, this.spec(run), run.kind);
    } catch (err) {
      const message = describeError(err);
      const reason = err instanceof ContainerConfigError ? 'CreateContainerConfigError' : 'RunContainerError';
      run.state = { type: 'waiting', reason, message };
      run.notBefore = Date.now() + retryMs;
      this.log.warn('container not started', { container: run.name, reason, err: message });
      this.ctx.events.warning(this.pod, 'Failed', `Error: ${message}`);
      return;
    }
    if (this.done || this.pod.metadata?.deletionTimestamp) return;
    if (restarting) run.restartCount++;
    const now = rfc3339(new Date());
    if (launch.startError) {
      this.log.warn('container cannot start', { container: run.name, err: launch.startError });
      this.ctx.events.warning(this.pod, 'Failed', launch.startError);
      this.recordExit(run, terminated(128, 'StartError', now, undefined, launch.startError));
      return;
    }
    if (!launch.argv) {
      // Images the local node does not run: init containers complete at once, containers just count as running.
      run.state = run.init && !run.sidecar ? terminated(0, 'Completed', now) : { type: 'running', startedAt: now, ready: true };
      return;
    }
    const { namespace, name } = this.pod.metadata!;
    const process = launchProcess({
      argv: namespacedArgv(launch.view, launch.argv),
      env: launch.env,
      logFile: this.ctx.layout.logFile(namespace!, name!, run.name),
      pidFile: this.ctx.layout.pidFile(namespace!, name!, run.name),
    });
    const record: RunningProcess = { pid: process.pid, exited: process.exited, launch, stopping: false };
    this.processes.set(run.name, record);
    run.state = { type: 'running', startedAt: now, pid: process.pid, ready: launch.readinessPort === undefined };
    void process.exited.then((exit) => this.onExit(run, record, exit));
    if (launch.readinessPort !== undefined) void this.probeReadiness(run, record, launch.readinessPort);
    this.log.info('container started', { container: run.name, pid: process.pid, command: launch.argv[0] });
    this.ctx.events.normal(this.pod, 'Started', `Started container ${run.name}`);
  }

  private async onExit(run: ContainerRun, record: RunningProcess, exit: ProcessExit): Promise<void> {
    signalGroup(record.pid, 'SIGKILL'); // what the container left behind goes with it
    // `./dev down` signals pod processes and the local node together: do not report a kill that is our own shutdown.
    if (exit.signal && !record.stopping) await sleep(300);
    if (this.processes.get(run.name) === record) this.processes.delete(run.name);
    if (this.done || this.ctx.shuttingDown()) return;
    const exitCode = exit.error ? 128 : (exit.code ?? 128 + (exit.signal ? constants.signals[exit.signal] : 0));
    const startedAt = run.state.type === 'running' ? run.state.startedAt : rfc3339(new Date());
    const reason = exit.error ? 'StartError' : exitCode === 0 ? 'Completed' : 'Error';
    const t = terminated(exitCode, reason, startedAt, record.pid, exit.error?.message);
    this.log.info('container exited', { container: run.name, pid: record.pid, exitCode, signal: exit.signal ?? undefined });
    if (record.stopping) run.state = t;
    else this.recordExit(run, t);
    this.kick();
  }

  private recordExit(run: ContainerRun, t: Terminated): void {
    const policy = (this.pod.spec?.restartPolicy ?? 'Always') as RestartPolicy;
    if (this.terminalPhase || !shouldRestart(run, policy, t.exitCode)) {
      run.state = t;
      return;
    }
    const delay = restartDelayMs(run.restartCount);
    run.lastTerminated = t;
    run.state = {
      type: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off ${delay / 1000}s restarting failed container=${run.name} pod=${this.pod.metadata!.name}`,
    };
    run.notBefore = Date.now() + delay;
  }

  private async probeReadiness(run: ContainerRun, record: RunningProcess, port: number): Promise<void> {
    while (this.processes.get(run.name) === record && !this.done) {
      if (await acceptsTcp(this.setup!.podIP, port)) {
        if (this.processes.get(run.name) === record && run.state.type === 'running') {
          run.state = { ...run.state, ready: true };
          this.log.info('container ready', { container: run.name, port });
          this.kick();
        }
        return;
      }
      await sleep(readinessPollMs);
    }
  }

  /** deletionTimestamp is set: stop the processes within the grace period, clean up, then the kubelet's final delete. */
  private async terminate(): Promise<void> {
    this.finish();
    const grace = this.pod.metadata?.deletionGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30;
    if (this.processes.size > 0)
      this.ctx.events.normal(this.pod, 'Killing', `Stopping containers ${[...this.processes.keys()].join(', ')}`);
    await this.stopAll(grace * 1000);
    await cleanUpPod(this.ctx, this.pod).catch((err: unknown) => this.log.warn('cleanup failed', { err: describeError(err) }));
    const { name, namespace, uid } = this.pod.metadata!;
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        await this.ctx.clients.core.deleteNamespacedPod({
          name: name!,
          namespace: namespace!,
          body: { gracePeriodSeconds: 0, preconditions: { uid } },
        });
        this.log.info('pod deleted');
        return;
      } catch (err) {
        if (isNotFound(err) || isConflict(err)) return;
        this.log.warn('final pod delete failed', { attempt, err: describeError(err) });
        await sleep(attempt * 1_000);
      }
    }
  }

  private async stopAll(graceMs: number): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map((p) => {
        p.stopping = true;
        return stopGroup(p.pid, graceMs, p.exited, p.launch.stopSignal);
      }),
    );
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.wakeTimer);
    this.onDone(this.uid);
  }

  private async report(): Promise<void> {
    if (this.done) return;
    const plan = planPod(this.runs, Date.now(), this.initialized);
    const status = podStatusReport({
      runs: this.runs,
      phase: this.terminalPhase ?? plan.phase,
      initialized: this.initialized || plan.initialized,
      hostIP: this.ctx.config.hostIP,
      podIP: this.setup?.podIP,
      startTime: this.startTime,
      now: rfc3339(new Date()),
      previousConditions: this.pod.status?.conditions ?? [],
      lastReported: this.reportedConditions,
      message: this.setupError,
    });
    const body = JSON.stringify(status);
    if (body === this.lastReport) return;
    const { name, namespace, uid } = this.pod.metadata!;
    try {
      await this.ctx.clients.core.patchNamespacedPodStatus(
        { name: name!, namespace: namespace!, body: { metadata: { uid }, status } },
        mergePatch,
      );
      this.lastReport = body;
      this.reportedConditions = status.conditions;
    } catch (err) {
      if (isNotFound(err) || isConflict(err)) return;
      this.log.warn('status update failed', { err: describeError(err) });
      this.wakeIn(retryMs);
    }
  }

  /** Reconciles again after `ms` (the earliest of the pending wake-ups wins). */
  private wakeIn(ms: number): void {
    const at = Date.now() + Math.max(0, ms);
    if (this.wakeAt !== undefined && this.wakeAt <= at) return;
    clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeAt = undefined;
        this.kick();
      },
      at - Date.now() + 5,
    );
  }

  private spec(run: ContainerRun): V1Container {
    const list = run.init ? this.pod.spec?.initContainers : this.pod.spec?.containers;
    return list!.find((c) => c.name === run.name)!;
  }
}

function terminated(exitCode: number, reason: string, startedAt: string, pid?: number, message?: string): Terminated {
  return {
    type: 'terminated',
    exitCode,
    reason,
    startedAt,
    finishedAt: rfc3339(new Date()),
    ...(pid !== undefined ? { containerID: containerID(pid) } : {}),
    ...(message ? { message } : {}),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
