import type { V1Pod } from '@kubernetes/client-node';
import { adoptRuns } from './adopted-runs.js';

describe('adoptRuns', () => {
  it('takes over a pod from an earlier local node: running processes are lost, history is kept', () => {
    const pod: V1Pod = {
      metadata: { name: 'p', namespace: 'n', uid: 'u' },
      spec: {
        initContainers: [{ name: 'init', image: 'restash' }],
        containers: [
          { name: 'agent', image: 'restash' },
          { name: 'web', image: 'nginx' },
        ],
      },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          {
            name: 'init',
            image: 'restash',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
        containerStatuses: [
          {
            name: 'agent',
            image: 'restash',
            imageID: '',
            ready: true,
            restartCount: 2,
            state: { running: { startedAt: new Date('2026-01-01T00:00:00Z') } },
          },
          {
            name: 'web',
            image: 'nginx',
            imageID: '',
            ready: true,
            restartCount: 0,
            state: { running: { startedAt: new Date('2026-01-01T00:00:00Z') } },
          },
        ],
      },
    };
    const adopted = adoptRuns(pod, 'now');
    expect(adopted.lost).toEqual(['agent']);
    expect(adopted.initialized).toBe(true);
    expect(adopted.terminal).toBe(false);
    expect(adopted.runs.map((r) => [r.name, r.init, r.state.type, r.restartCount])).toEqual([
      ['init', true, 'terminated', 0],
      ['agent', false, 'running', 2],
      ['web', false, 'running', 0],
    ]);
  });

  it('starts a new pod with every container waiting', () => {
    const adopted = adoptRuns({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'restash' }] } }, 'now');
    expect(adopted.runs[0]!.state).toEqual({ type: 'waiting', reason: 'ContainerCreating' });
    expect(adopted).toMatchObject({ lost: [], terminal: false, initialized: false });
  });
});
