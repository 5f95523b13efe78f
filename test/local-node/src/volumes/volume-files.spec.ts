import type { V1Pod } from '@kubernetes/client-node';
import { type VolumeData, tokenSpecs, volumeFiles } from './volume-files.js';

const pod: V1Pod = {
  metadata: { name: 'p', namespace: 'shop', uid: 'u', labels: { b: '2', a: '1' } },
  spec: { containers: [{ name: 'c' }] },
};
const data: VolumeData = {
  secret: (name) => (name === 'creds' ? { user: Buffer.from('root'), password: Buffer.from('pw') } : undefined),
  configMap: (name) => (name === 'kube-root-ca.crt' ? { 'ca.crt': Buffer.from('PEM') } : undefined),
  token: (spec) => `token-for-${spec.audience ?? 'api'}-${spec.expirationSeconds}`,
  facts: { nodeName: 'local', podIP: '198.18.0.2', hostIP: '127.0.0.1' },
  allocatable: { cpu: '4', memory: '8Gi', 'ephemeral-storage': '100Gi' },
};
const text = (files: ReturnType<typeof volumeFiles>) =>
  Object.fromEntries(files.map((f) => [f.path, [f.content.toString(), f.mode.toString(8)]]));

describe('volumeFiles', () => {
  it('writes a secret volume, all keys or the chosen items with their modes', () => {
    expect(text(volumeFiles(pod, { name: 'v', secret: { secretName: 'creds' } }, data))).toEqual({
      user: ['root', '644'],
      password: ['pw', '644'],
    });
    expect(
      text(
        volumeFiles(
          pod,
          { name: 'v', secret: { secretName: 'creds', defaultMode: 0o400, items: [{ key: 'password', path: 'db/pass', mode: 0o600 }] } },
          data,
        ),
      ),
    ).toEqual({
      'db/pass': ['pw', '600'],
    });
  });

  it('projects a service account token, the CA and the namespace (kube-api-access)', () => {
    const volume = {
      name: 'kube-api-access-x',
      projected: {
        defaultMode: 0o644,
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    };
    expect(tokenSpecs(volume)).toEqual([{ audience: undefined, expirationSeconds: 3607 }]);
    expect(text(volumeFiles(pod, volume, data))).toEqual({
      token: ['token-for-api-3607', '600'],
      'ca.crt': ['PEM', '644'],
      namespace: ['shop', '644'],
    });
  });

  it('writes downward API labels sorted, and fails on a missing secret unless optional', () => {
    const labels = volumeFiles(
      pod,
      { name: 'v', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      data,
    );
    expect(labels[0]!.content.toString()).toBe('a="1"\nb="2"');
    expect(() => volumeFiles(pod, { name: 'v', secret: { secretName: 'nope' } }, data)).toThrow(/secret "nope" not found/);
    expect(volumeFiles(pod, { name: 'v', secret: { secretName: 'nope', optional: true } }, data)).toEqual([]);
    expect(() =>
      volumeFiles(pod, { name: 'v', secret: { secretName: 'creds', items: [{ key: 'user', path: '../escape' }] } }, data),
    ).toThrow(/leaves the volume/);
  });
});
