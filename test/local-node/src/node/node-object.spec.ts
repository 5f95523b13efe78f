import { readConfig } from '../config.js';
import { microTime, nodeStatus } from './node-object.js';

describe('node status', () => {
  const config = readConfig({ RESTASH_STACK_DIR: '/stack', RESTASH_LOCAL_NODE_PORT: '20250' });
  const status = nodeStatus(
    config,
    { cpus: 4, memoryBytes: 8 * 2 ** 30, arch: 'x64', kernelVersion: '6.1', hostname: 'h' },
    'now',
    'since',
  ) as Record<string, never>;

  it('is Ready, at 127.0.0.1, with the kubelet endpoint and WebSocket exec declared', () => {
    expect(status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True', lastHeartbeatTime: 'now', lastTransitionTime: 'since' }),
    );
    expect(status.addresses).toContainEqual({ type: 'InternalIP', address: '127.0.0.1' });
    expect(status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 20250 } });
    expect(status.declaredFeatures).toEqual(['ExtendWebSocketsToKubelet']);
    expect(status.capacity).toMatchObject({ cpu: '4', memory: `${8 * 1024 * 1024}Ki`, pods: '250' });
  });

  it('formats lease times with microseconds', () => {
    expect(microTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });
});
