import type { V1Pod } from '@kubernetes/client-node';
import { StackLayout } from '../runtime/stack-layout.js';
import { containerMounts, serviceAccountMountPath } from './mount-plan.js';
import { podVolumeSources } from './volume-sources.js';

const layout = new StackLayout('/stack');
const pod: V1Pod = {
  metadata: { name: 'app-1', namespace: 'shop', uid: 'uid-1' },
  spec: {
    containers: [],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'app-data' } },
      { name: 'ro-claim', persistentVolumeClaim: { claimName: 'shared', readOnly: true } },
      { name: 'cache', emptyDir: {} },
      { name: 'host', hostPath: { path: '/srv/files', type: 'DirectoryOrCreate' } },
      { name: 'config', configMap: { name: 'settings' } },
      { name: 'nfs', nfs: { server: 'x', path: '/' } },
    ],
  },
};

describe('volume sources', () => {
  it('maps each volume type to its host directory', () => {
    const sources = podVolumeSources(pod, layout);
    expect(sources.get('data')).toEqual({ kind: 'claim', path: '/stack/volumes/shop/app-data', claimName: 'app-data', readOnly: false });
    expect(sources.get('cache')).toEqual({ kind: 'emptyDir', path: '/stack/volumes/shop/app-1/cache' });
    expect(sources.get('host')).toEqual({ kind: 'hostPath', path: '/srv/files', create: 'dir' });
    expect(sources.get('config')).toEqual({ kind: 'files', path: '/stack/local-node/pods/uid-1/volumes/config' });
    expect(sources.get('nfs')).toMatchObject({ kind: 'unsupported', type: 'nfs' });
  });
});

describe('containerMounts', () => {
  const sources = podVolumeSources(pod, layout);

  it('binds volumeMounts with subPath, subPathExpr and readOnly, parents first, then extra mounts not shadowed', () => {
    const mounts = containerMounts(
      {
        name: 'c',
        volumeMounts: [
          { name: 'cache', mountPath: '/var/www/html/cache' },
          { name: 'data', mountPath: '/var/www/html', subPath: 'site' },
          { name: 'data', mountPath: '/logs/', subPathExpr: 'logs/$(POD)' },
          { name: 'ro-claim', mountPath: '/shared' },
          { name: 'config', mountPath: '/etc/app', readOnly: true },
        ],
      },
      sources,
      { POD: 'app-1' },
      [
        { source: '/stack/hosts', target: '/etc/hosts', readOnly: false },
        { source: '/elsewhere', target: '/shared', readOnly: false },
        { source: '/sa', target: serviceAccountMountPath, readOnly: true },
      ],
    );
    expect(mounts).toEqual([
      { source: '/stack/volumes/shop/app-data/logs/app-1', target: '/logs', readOnly: false },
      { source: '/stack/volumes/shop/shared', target: '/shared', readOnly: true },
      { source: '/stack/local-node/pods/uid-1/volumes/config', target: '/etc/app', readOnly: true },
      { source: '/stack/hosts', target: '/etc/hosts', readOnly: false },
      { source: '/stack/volumes/shop/app-data/site', target: '/var/www/html', readOnly: false },
      { source: '/stack/volumes/shop/app-1/cache', target: '/var/www/html/cache', readOnly: false },
      { source: '/sa', target: serviceAccountMountPath, readOnly: true },
    ]);
  });

  it('refuses a subPath leaving its volume and a mount of an unknown volume', () => {
    expect(() =>
      containerMounts({ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/x', subPath: '../other' }] }, sources, {}),
    ).toThrow(/inside the volume/);
    expect(() => containerMounts({ name: 'c', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }, sources, {})).toThrow(/no volume/);
  });
});
