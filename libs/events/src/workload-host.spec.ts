import { workloadHostName } from './workload-host.js';

describe('workloadHostName', () => {
  it('names the one host of a Deployment, ReplicaSet or ReplicationController host-0, whichever pod', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'ReplicationController']) {
      expect(workloadHostName(kind, { name: 'wordpress-7d9f8-abcde', nodeName: 'n1' })).toBe('host-0');
    }
  });

  it('names a StatefulSet pod by its ordinal', () => {
    expect(workloadHostName('StatefulSet', { name: 'db-0' })).toBe('host-0');
    expect(workloadHostName('StatefulSet', { name: 'my-db-12' })).toBe('host-12');
    expect(workloadHostName('StatefulSet', { name: 'db' })).toBeUndefined();
  });

  it('names a DaemonSet pod by its node, once it has one', () => {
    expect(workloadHostName('DaemonSet', { name: 'agent-x1', nodeName: 'node-a.example.com' })).toBe('node-a.example.com');
    expect(workloadHostName('DaemonSet', { name: 'agent-x1' })).toBeUndefined();
  });
});
