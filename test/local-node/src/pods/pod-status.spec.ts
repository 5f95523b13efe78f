import type { ContainerRun } from './container-run.js';
import { podStatusReport } from './pod-status.js';

const runs: ContainerRun[] = [
  {
    name: 'init',
    image: 'restash:dev',
    init: true,
    sidecar: false,
    kind: 'restash',
    state: { type: 'terminated', exitCode: 0, reason: 'Completed', startedAt: 't0', finishedAt: 't1', containerID: 'local://10' },
    restartCount: 0,
  },
  {
    name: 'db',
    image: 'mysql:8',
    init: false,
    sidecar: false,
    kind: 'mariadb',
    state: { type: 'running', startedAt: 't2', pid: 42, ready: false },
    restartCount: 1,
  },
  {
    name: 'web',
    image: 'wordpress',
    init: false,
    sidecar: false,
    kind: 'other',
    state: { type: 'running', startedAt: 't2', ready: true },
    restartCount: 0,
  },
];

describe('podStatusReport', () => {
  const report = podStatusReport({
    runs,
    phase: 'Running',
    initialized: true,
    hostIP: '127.0.0.1',
    podIP: '198.18.0.4',
    startTime: 't0',
    now: 'now',
    previousConditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: new Date('2026-01-01T00:00:00.000Z') },
      { type: 'DisruptionTarget', status: 'True', lastTransitionTime: '2026-01-02T00:00:00Z' },
    ],
  });

  it('reports conditions as a kubelet does: Ready only when every container is ready', () => {
    const byType = Object.fromEntries(report.conditions.map((c) => [c.type, c]));
    expect(byType.PodScheduled).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' });
    expect(byType.Initialized).toMatchObject({ status: 'True', lastTransitionTime: 'now' });
    expect(byType.ContainersReady).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [db]',
    });
    expect(byType.Ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(byType.DisruptionTarget).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-02T00:00:00Z' });
  });

  it('reports addresses and container statuses with local:// container IDs', () => {
    expect(report).toMatchObject({
      phase: 'Running',
      podIP: '198.18.0.4',
      podIPs: [{ ip: '198.18.0.4' }],
      hostIP: '127.0.0.1',
      startTime: 't0',
    });
    expect(report.containerStatuses[0]).toEqual({
      name: 'db',
      image: 'mysql:8',
      imageID: 'local://mysql:8',
      containerID: 'local://42',
      ready: false,
      started: true,
      restartCount: 1,
      state: { running: { startedAt: 't2' } },
      lastState: {},
    });
    expect(report.containerStatuses[1]).toMatchObject({ containerID: 'local://not-run', ready: true });
    expect(report.initContainerStatuses[0]!.state).toEqual({
      terminated: { exitCode: 0, reason: 'Completed', startedAt: 't0', finishedAt: 't1', containerID: 'local://10' },
    });
  });

  it('marks a finished pod not ready with reason PodCompleted', () => {
    const done = podStatusReport({
      runs: [],
      phase: 'Succeeded',
      initialized: true,
      hostIP: 'h',
      startTime: 't',
      now: 'n',
      previousConditions: [],
    });
    expect(done.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });
});
