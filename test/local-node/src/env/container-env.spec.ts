import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { ContainerConfigError } from './env-sources.js';
import { containerEnv, envReferences } from './container-env.js';
import { expandVariables } from './variable-expansion.js';

const pod: V1Pod = {
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1', labels: { app: 'web' }, annotations: { note: 'x' } },
  spec: { serviceAccountName: 'backup', nodeName: 'local', containers: [] },
};
const ctx = {
  facts: { nodeName: 'local', podIP: '198.18.0.7', hostIP: '127.0.0.1' },
  sources: {
    secrets: new Map([['db', { password: 's3cret', user: 'root' }]]),
    configMaps: new Map([['settings', { MODE: 'fast', LEVEL: '3' }]]),
  },
  allocatable: { cpu: '8', memory: '16Gi', 'ephemeral-storage': '100Gi' },
  base: { PATH: '/usr/bin', HOSTNAME: 'web-1' },
};

describe('containerEnv', () => {
  it('resolves literal values, secrets, configMaps, the downward API and resources, in order', () => {
    const container: V1Container = {
      name: 'c',
      envFrom: [{ configMapRef: { name: 'settings' }, prefix: 'APP_' }, { secretRef: { name: 'db' } }],
      env: [
        { name: 'GREETING', value: 'hello $(user) $$(user) $(MISSING)' },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'MODE' } } },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'UID', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'SA', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
        { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu' } } },
        { name: 'URL', value: 'http://$(IP):80' },
      ],
      resources: { requests: { cpu: '250m' } },
    };
    const env = containerEnv(pod, container, ctx);
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      APP_MODE: 'fast',
      APP_LEVEL: '3',
      user: 'root',
      GREETING: 'hello root $(user) $(MISSING)',
      PASSWORD: 's3cret',
      MODE: 'fast',
      POD: 'web-1',
      NS: 'shop',
      UID: 'u-1',
      APP: 'web',
      NODE: 'local',
      SA: 'backup',
      IP: '198.18.0.7',
      HOST: '127.0.0.1',
      MEM_MI: String(16 * 1024),
      CPU: '1',
      URL: 'http://198.18.0.7:80',
    });
  });

  it('fails like CreateContainerConfigError on a missing secret or key, unless optional', () => {
    const missing = (env: V1Container['env']) => () => containerEnv(pod, { name: 'c', env }, ctx);
    expect(missing([{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }])).toThrow(
      new ContainerConfigError('secret "nope" not found'),
    );
    expect(missing([{ name: 'X', valueFrom: { secretKeyRef: { name: 'db', key: 'nokey' } } }])).toThrow(
      /couldn't find key nokey in Secret db/,
    );
    expect(
      containerEnv(pod, { name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k', optional: true } } }] }, ctx),
    ).not.toHaveProperty('X');
  });

  it('lists the objects a container refers to', () => {
    expect(
      envReferences({
        name: 'c',
        envFrom: [{ secretRef: { name: 'a' } }],
        env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'b', key: 'k' } } }],
      }),
    ).toEqual({ secrets: ['a'], configMaps: ['b'] });
  });
});

describe('expandVariables', () => {
  it('expands defined references, keeps undefined ones and unescapes $$', () => {
    expect(expandVariables('$(A)-$(B)-$$(A)-$$', { A: '1' })).toBe('1-$(B)-$(A)-$');
  });
});
