import type { ContainerRun, RunState } from './container-run.js';
import { planPod } from './pod-plan.js';

const now = 1_000_000;
const waiting: RunState = { type: 'waiting', reason: 'ContainerCreating' };
const running: RunState = { type: 'running', startedAt: 't', pid: 1, ready: true };
const exited = (exitCode: number): RunState => ({
  type: 'terminated',
  exitCode,
  reason: exitCode ? 'Error' : 'Completed',
  startedAt: 't',
  finishedAt: 't',
});

function run(name: string, state: RunState, extra: Partial<ContainerRun> = {}): ContainerRun {
  return { name, image: 'restash', init: false, sidecar: false, kind: 'restash', state, restartCount: 0, ...extra };
}
const init = (name: string, state: RunState, extra: Partial<ContainerRun> = {}) => run(name, state, { init: true, ...extra });

describe('planPod', () => {
  it('runs init containers one at a time, in order, before any container', () => {
    expect(planPod([init('a', waiting), init('b', waiting), run('main', waiting)], now)).toMatchObject({
      start: ['a'],
      phase: 'Pending',
      initialized: false,
    });
    expect(planPod([init('a', running), init('b', waiting), run('main', waiting)], now)).toMatchObject({ start: [], phase: 'Pending' });
    expect(planPod([init('a', exited(0)), init('b', waiting), run('main', waiting)], now)).toMatchObject({ start: ['b'] });
    expect(planPod([init('a', exited(0)), init('b', exited(0)), run('main', waiting), run('side', waiting)], now)).toMatchObject({
      start: ['main', 'side'],
      initialized: true,
      phase: 'Pending',
    });
  });

  it('starts a sidecar init container and moves on once it runs', () => {
    expect(planPod([init('proxy', running, { sidecar: true }), init('b', waiting), run('main', waiting)], now)).toMatchObject({
      start: ['b'],
    });
  });

  it('fails the pod when an init container failed for good (restartPolicy Never)', () => {
    expect(planPod([init('a', exited(1)), run('main', waiting)], now)).toMatchObject({ start: [], phase: 'Failed', initialized: false });
  });

  it('waits for the back-off before restarting, and says when to look again', () => {
    const backingOff = run(
      'main',
      { type: 'waiting', reason: 'CrashLoopBackOff' },
      { notBefore: now + 2_000, restartCount: 1, lastTerminated: exited(1) as never },
    );
    expect(planPod([backingOff], now)).toMatchObject({ start: [], wakeAt: now + 2_000, phase: 'Running' });
    expect(planPod([backingOff], now + 2_000)).toMatchObject({ start: ['main'] });
  });

  it('ends the pod when every container has terminated for good, stopping sidecars', () => {
    const proxy = init('proxy', running, { sidecar: true });
    expect(planPod([proxy, run('a', exited(0)), run('b', exited(0))], now, true)).toEqual({
      start: [],
      stop: ['proxy'],
      phase: 'Succeeded',
      initialized: true,
    });
    expect(planPod([run('a', exited(0)), run('b', exited(2))], now, true)).toMatchObject({ phase: 'Failed' });
    expect(planPod([run('a', exited(0)), run('b', running)], now, true)).toMatchObject({ phase: 'Running', start: [] });
  });

  it('keeps an initialized pod initialized: only crashed sidecars restart among init containers', () => {
    const plan = planPod([init('a', waiting), init('proxy', waiting, { sidecar: true }), run('main', running)], now, true);
    expect(plan).toMatchObject({ start: ['proxy'], initialized: true, phase: 'Running' });
  });
});
