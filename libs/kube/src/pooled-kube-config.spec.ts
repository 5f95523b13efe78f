import { HttpMethod, KubeConfig, RequestContext } from '@kubernetes/client-node';
import { PooledKubeConfig } from './pooled-kube-config.js';

function configured<T extends KubeConfig>(config: T, users = ['admin'], basic = false): T {
  config.loadFromOptions({
    clusters: [{ name: 'stack', server: 'https://127.0.0.1:6443', caData: Buffer.from('not checked until a connection is made').toString('base64') }],
    users: users.map((name) => (basic ? { name, username: name, password: 'secret' } : { name, token: `token-of-${name}` })),
    contexts: users.map((user) => ({ name: user, cluster: 'stack', user })),
    currentContext: users[0],
  });
  return config;
}

async function dispatcherOf(config: KubeConfig) {
  const context = new RequestContext('https://127.0.0.1:6443/api/v1/namespaces', HttpMethod.GET);
  await config.applySecurityAuthentication(context);
  return { dispatcher: context.getDispatcher(), authorization: context.getHeaders()['Authorization'] };
}

describe('PooledKubeConfig', () => {
  it('dispatches every call through one connection pool, with each call still authenticated', async () => {
    const config = configured(new PooledKubeConfig());
    const [first, second] = [await dispatcherOf(config), await dispatcherOf(config)];
    expect(first.dispatcher).toBeDefined();
    expect(second.dispatcher).toBe(first.dispatcher);
    expect(second.authorization).toBe('Bearer token-of-admin');
  });

  it('keeps a pool per user', async () => {
    const config = configured(new PooledKubeConfig(), ['admin', 'viewer']);
    const admin = await dispatcherOf(config);
    config.setCurrentContext('viewer');
    const viewer = await dispatcherOf(config);
    expect(viewer.dispatcher).not.toBe(admin.dispatcher);
    expect(viewer.authorization).toBe('Bearer token-of-viewer');
  });

  it('applies the credentials to every call, as KubeConfig does', async () => {
    for (const config of [configured(new KubeConfig(), ['admin'], true), configured(new PooledKubeConfig(), ['admin'], true)]) {
      await dispatcherOf(config);
      expect((await dispatcherOf(config)).authorization).toBe(`Basic ${Buffer.from('admin:secret').toString('base64')}`);
    }
  });

  it('is needed: client-node alone gives every call a new Agent (a new TLS connection)', async () => {
    const config = configured(new KubeConfig());
    expect((await dispatcherOf(config)).dispatcher).not.toBe((await dispatcherOf(config)).dispatcher);
  });
});
