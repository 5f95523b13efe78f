import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { StackLayout } from '../runtime/stack-layout.js';
import { claimInUse, needsVolume, persistentVolumeFor } from './persistent-volume.js';

const claim: V1PersistentVolumeClaim = {
  metadata: { name: 'data', namespace: 'shop', uid: 'c-1' },
  spec: { accessModes: ['ReadWriteMany'], storageClassName: 'fast', resources: { requests: { storage: '5Gi' } } },
};

describe('persistentVolumeFor', () => {
  it('is a hostPath PV on the claim directory, pre-bound to the claim, matching class, modes and size', () => {
    expect(persistentVolumeFor(claim, new StackLayout('/stack'))).toMatchObject({
      metadata: { name: 'local-shop-data' },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany'],
        storageClassName: 'fast',
        persistentVolumeReclaimPolicy: 'Retain',
        hostPath: { path: '/stack/volumes/shop/data' },
        claimRef: { namespace: 'shop', name: 'data', uid: 'c-1' },
      },
    });
  });

  it('defaults an unset class to "" (binds claims without class)', () => {
    const pv = persistentVolumeFor({ metadata: claim.metadata, spec: {} }, new StackLayout('/stack'));
    expect(pv.spec).toMatchObject({ storageClassName: '', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
  });
});

describe('claim rules', () => {
  it('needs a volume while unbound and not deleted', () => {
    expect(needsVolume(claim)).toBe(true);
    expect(needsVolume({ ...claim, spec: { ...claim.spec, volumeName: 'pv' } })).toBe(false);
    expect(needsVolume({ ...claim, metadata: { ...claim.metadata, deletionTimestamp: new Date() } })).toBe(false);
  });

  it('is in use while an unfinished pod mounts it', () => {
    const pod = (phase: string) => ({
      metadata: { namespace: 'shop' },
      spec: { containers: [], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }] },
      status: { phase },
    });
    expect(claimInUse(claim, [pod('Running')])).toBe(true);
    expect(claimInUse(claim, [pod('Succeeded')])).toBe(false);
  });
});
