import type { V1Pod } from '@kubernetes/client-node';
import type { BackupTarget } from '@restash/api';
import { hookContainer, podForHost, sidecarServes, targetHosts } from './target-hosts.js';

const target = (kind: string, replicas?: number): BackupTarget => ({ ref: { apiVersion: 'apps/v1', kind, name: 'app' }, ...(replicas !== undefined && { replicas }) });
const pod = (name: string, options: { node?: string; ready?: boolean; sidecar?: boolean; deleting?: boolean; ip?: string } = {}): V1Pod => ({
  metadata: { name, namespace: 'demo', ...(options.deleting && { deletionTimestamp: new Date() }) },
  spec: { nodeName: options.node, containers: [{ name: 'app' }, ...(options.sidecar === false ? [] : [{ name: 'stash' }])] },
  status: { phase: 'Running', podIP: options.ip, conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }] },
});

describe('targetHosts', () => {
  it('gives a Deployment, ReplicaSet or ReplicationController one host, host-0, while it has replicas', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'ReplicationController']) {
      expect(targetHosts(target(kind), { replicas: 3, pods: [] })).toEqual(['host-0']);
      expect(targetHosts(target(kind), { replicas: 0, pods: [] })).toEqual([]);
    }
  });

  it('gives a StatefulSet one host per ordinal, from the member’s replicas before its own', () => {
    expect(targetHosts(target('StatefulSet'), { replicas: 3, pods: [] })).toEqual(['host-0', 'host-1', 'host-2']);
    expect(targetHosts(target('StatefulSet', 2), { replicas: 3, pods: [] })).toEqual(['host-0', 'host-1']);
  });

  it('gives a DaemonSet the nodes of its live pods', () => {
    const pods = [pod('a', { node: 'node-b' }), pod('b', { node: 'node-a' }), pod('c', { node: 'node-c', deleting: true }), pod('d')];
    expect(targetHosts(target('DaemonSet'), { replicas: undefined, pods })).toEqual(['node-a', 'node-b']);
  });
});

describe('podForHost', () => {
  it('finds the pod serving a host among those with the sidecar, a ready one first', () => {
    const pods = [pod('web-1', { ready: false }), pod('web-2', { sidecar: false }), pod('web-3')];
    expect(podForHost('Deployment', 'host-0', pods)?.metadata?.name).toBe('web-3');
    expect(podForHost('StatefulSet', 'host-1', [pod('db-0'), pod('db-1')])?.metadata?.name).toBe('db-1');
    expect(podForHost('DaemonSet', 'node-a', [pod('x', { node: 'node-b' }), pod('y', { node: 'node-a' })])?.metadata?.name).toBe('y');
    expect(podForHost('StatefulSet', 'host-2', [pod('db-0'), pod('db-1')])).toBeUndefined();
  });

  it('runs exec hooks in the named container, else the first that is not the sidecar', () => {
    expect(hookContainer(pod('p'), undefined)).toBe('app');
    expect(hookContainer(pod('p'), 'stash')).toBe('stash');
  });
});

describe('sidecarServes', () => {
  const template = (...names: string[]) => names.map((name) => ({ name }));

  it('is true while the sidecar rolls out: in the template, in no pod yet', () => {
    expect(sidecarServes(template('wordpress', 'stash'), [pod('web-1', { sidecar: false })])).toBe(true);
  });

  it('is true when a pod has it (the template read before the injector wrote it)', () => {
    expect(sidecarServes(template('wordpress'), [pod('web-1')])).toBe(true);
  });

  it('is false when neither the template nor any pod has it (no injector)', () => {
    expect(sidecarServes(template('wordpress'), [pod('web-1', { sidecar: false })])).toBe(false);
    expect(sidecarServes(undefined, [])).toBe(false);
  });
});
