import type { BackupMember } from '@restash/api';
import type { Workload } from '../workloads/workload.js';
import { sidecarProblem } from './sidecar-problems.js';

const member = (mounts: Array<{ name: string; mountPath: string }>): BackupMember => ({ target: { ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wp' }, volumeMounts: mounts } });
const workload = (volumes: string[], containers = ['wordpress'], extra: Partial<Workload> = {}): Workload => ({
  metadata: { name: 'wp', namespace: 'demo' },
  spec: { template: { spec: { containers: containers.map((name) => ({ name })), volumes: volumes.map((name) => ({ name, emptyDir: {} })) } } },
  ...extra,
});

describe('sidecarProblem', () => {
  it('accepts mounts of the pod template volumes and of a StatefulSet claim template', () => {
    expect(sidecarProblem(member([{ name: 'data', mountPath: '/data' }]), workload(['data']))).toBeUndefined();
    const statefulSet: Workload = { ...workload([]), spec: { ...workload([]).spec, volumeClaimTemplates: [{ metadata: { name: 'pgdata' } }] } };
    expect(sidecarProblem(member([{ name: 'pgdata', mountPath: '/var/lib/postgresql' }]), statefulSet)).toBeUndefined();
  });

  it('names a mount of a volume the pod does not have', () => {
    expect(sidecarProblem(member([{ name: 'nope', mountPath: '/data' }]), workload(['data']))).toBe('volumeMount "nope" names no volume of the pod template (volumes: data)');
  });

  it('refuses the sidecar’s own names and paths, and a user container called stash', () => {
    expect(sidecarProblem(member([{ name: 'stash-tmp', mountPath: '/x' }]), workload(['stash-tmp']))).toMatch(/reserves/);
    expect(sidecarProblem(member([{ name: 'data', mountPath: '/tmp' }]), workload(['data']))).toMatch(/sidecar keeps its own files/);
    expect(sidecarProblem(member([]), workload([], ['app', 'stash']))).toMatch(/already has a container named "stash"/);
  });

  it('does not mistake its own sidecar from an earlier apply for a user container', () => {
    const ours = workload([], ['app', 'stash'], {});
    ours.metadata!.managedFields = [{ manager: 'restash-injector', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"stash"}': {} } } } } } }];
    expect(sidecarProblem(member([]), ours)).toBeUndefined();
  });
});
