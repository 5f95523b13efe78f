import { EnvReader } from '@restash/config';
import { loadAgentSettings } from './agent-settings.js';

const env = (overrides: Record<string, string>) =>
  new EnvReader({ NAMESPACE: 'demo', TARGET_KIND: 'Deployment', TARGET_NAME: 'wordpress', TARGET_UID: 'wp-uid', POD_NAME: 'wordpress-5f7c-x2x9q', NODE_NAME: 'local', NATS_URL: 'nats://127.0.0.1:4222', ...overrides });

describe('loadAgentSettings', () => {
  it('serves host-0 for a Deployment and listens on the pod IP', () => {
    const settings = loadAgentSettings(env({ POD_IP: '198.18.0.7' }));
    expect(settings).toMatchObject({
      workload: { namespace: 'demo', kind: 'Deployment', name: 'wordpress' },
      host: 'host-0',
      repositoryFile: '/etc/restash/repository/repository.json',
      httpHost: '198.18.0.7',
      httpPort: 8090,
    });
  });

  it('serves the ordinal of a StatefulSet pod and the node of a DaemonSet pod', () => {
    expect(loadAgentSettings(env({ TARGET_KIND: 'StatefulSet', TARGET_NAME: 'db', POD_NAME: 'db-2' })).host).toBe('host-2');
    expect(loadAgentSettings(env({ TARGET_KIND: 'DaemonSet', POD_NAME: 'logs-abcde', NODE_NAME: 'node-7' })).host).toBe('node-7');
  });

  it('says what is wrong when the pod cannot tell its host', () => {
    expect(() => loadAgentSettings(env({ TARGET_KIND: 'StatefulSet', TARGET_NAME: 'db', POD_NAME: 'db' }))).toThrow('cannot tell which host pod db of StatefulSet db backs up');
    expect(() => loadAgentSettings(env({ TARGET_KIND: 'DaemonSet', NODE_NAME: '' }))).toThrow('DaemonSet pods NODE_NAME');
  });
});
