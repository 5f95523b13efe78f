import { SUPPORTED_TARGET_KINDS, isSupportedTargetKind, targetModel } from './target-kinds.js';

describe('target kinds', () => {
  it('runs workloads in a sidecar and volumes and databases in a job', () => {
    expect(targetModel('Deployment')).toBe('sidecar');
    expect(targetModel('StatefulSet')).toBe('sidecar');
    expect(targetModel('PersistentVolumeClaim')).toBe('job');
    expect(targetModel('AppBinding')).toBe('job');
  });

  it('has no model for an unsupported kind', () => {
    expect(targetModel('CronJob')).toBeUndefined();
    expect(targetModel('toString')).toBeUndefined();
    expect(isSupportedTargetKind('CronJob')).toBe(false);
  });

  it('lists the seven supported kinds', () => {
    expect(SUPPORTED_TARGET_KINDS).toEqual([
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'ReplicationController',
      'PersistentVolumeClaim',
      'AppBinding',
    ]);
  });
});
