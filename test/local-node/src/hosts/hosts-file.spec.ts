import type { V1EndpointSlice } from '@kubernetes/client-node';
import { hostsFile, serviceHostEntries } from './hosts-file.js';

const slice = (name: string, namespace: string, service: string, endpoints: V1EndpointSlice['endpoints']): V1EndpointSlice => ({
  addressType: 'IPv4',
  metadata: { name, namespace, labels: { 'kubernetes.io/service-name': service } },
  endpoints,
});

describe('serviceHostEntries', () => {
  it('maps each service to its first ready endpoint, with all its DNS names', () => {
    const entries = serviceHostEntries(
      [
        slice('db-a', 'shop', 'db', [
          { addresses: ['198.18.0.3'], conditions: { ready: false } },
          { addresses: ['198.18.0.4'], conditions: { ready: true } },
        ]),
        slice('web-a', 'shop', 'web', [{ addresses: ['198.18.0.9'], conditions: { ready: false } }]),
        slice('sts-a', 'shop', 'sts', [{ addresses: ['198.18.0.6'], hostname: 'sts-0', conditions: { ready: true } }]),
      ],
      '127.0.0.1',
    );
    expect(entries).toEqual([
      { ip: '127.0.0.1', names: ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'] },
      { ip: '198.18.0.4', names: ['db', 'db.shop', 'db.shop.svc', 'db.shop.svc.cluster.local'] },
      { ip: '198.18.0.6', names: ['sts-0.sts', 'sts-0.sts.shop', 'sts-0.sts.shop.svc', 'sts-0.sts.shop.svc.cluster.local'] },
      { ip: '198.18.0.6', names: ['sts', 'sts.shop', 'sts.shop.svc', 'sts.shop.svc.cluster.local'] },
    ]);
  });

  it('renders /etc/hosts with localhost and the pod itself first', () => {
    const file = hostsFile('198.18.0.2', 'app-1', [{ ip: '198.18.0.4', names: ['db', 'db.shop'] }]);
    expect(file.split('\n').slice(1)).toEqual([
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      '198.18.0.2\tapp-1',
      '198.18.0.4\tdb db.shop',
      '',
    ]);
  });
});
