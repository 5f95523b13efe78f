import type { V1ManagedFieldsEntry } from '@kubernetes/client-node';
import type { RestoreMember } from '@restash/api';
import type { Workload } from '../workloads/workload.js';
import { initContainerProblem } from './init-container-problems.js';

const member = (mounts: Array<{ name: string; mountPath: string }>): RestoreMember => ({ target: { ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, volumeMounts: mounts } });
const workload = (initContainers: Array<{ name: string }> = [], managedFields: V1ManagedFieldsEntry[] = []): Workload => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'demo', managedFields },
  spec: { template: { spec: { initContainers: initContainers.map((c) => ({ ...c, image: 'busybox' })), containers: [{ name: 'web', image: 'nginx' }], volumes: [{ name: 'data', emptyDir: {} }] } } },
});

describe('initContainerProblem', () => {
  it('accepts volumeMounts the pod template has', () => {
    expect(initContainerProblem(member([{ name: 'data', mountPath: '/usr/share/nginx/html' }]), workload())).toBeUndefined();
  });

  it('names what is wrong with the member’s volumeMounts', () => {
    expect(initContainerProblem(member([]), workload())).toBe('the member names no volumeMounts to restore into');
    expect(initContainerProblem(member([{ name: 'cache', mountPath: '/cache' }]), workload())).toBe('volumeMount "cache" names no volume of the pod template (volumes: data)');
    expect(initContainerProblem(member([{ name: 'stash-restore', mountPath: '/x' }]), workload())).toContain('reserves for the stash-init container');
    expect(initContainerProblem(member([{ name: 'data', mountPath: '/tmp' }]), workload())).toContain('is where the stash-init container keeps its own files');
  });

  it('refuses a stash-init container restash did not add, and accepts its own', () => {
    const mounts = member([{ name: 'data', mountPath: '/data' }]);
    expect(initContainerProblem(mounts, workload([{ name: 'stash-init' }]))).toContain('already has an init container named "stash-init"');
    const ours = [{ manager: 'restash-injector-init', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:initContainers': { 'k:{"name":"stash-init"}': {} } } } } } }];
    expect(initContainerProblem(mounts, workload([{ name: 'stash-init' }], ours))).toBeUndefined();
  });
});
