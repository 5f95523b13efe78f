import type { AppBinding, AppBindingSpec } from '@restash/api';
import { AppBindingError, connectionFromAppBinding, engineOf, parseClientUrl } from './connection-from-app-binding.js';

const secret = { username: 'root', password: 's3cret-pw' };

function appBinding(spec: Partial<AppBindingSpec>): AppBinding {
  return {
    apiVersion: 'appcatalog.appscode.com/v1alpha1',
    kind: 'AppBinding',
    metadata: { name: 'wordpress-mysql', namespace: 'demo' },
    spec: { clientConfig: {}, secret: { name: 'mysql-auth' }, ...spec },
  };
}

describe('connectionFromAppBinding', () => {
  it('reaches a Service through cluster DNS by default', () => {
    const binding = appBinding({ type: 'kubedb.com/mysql', clientConfig: { service: { name: 'mysql', port: 3306, scheme: 'mysql' } } });
    expect(connectionFromAppBinding(binding, secret)).toEqual({
      engine: 'mysql',
      host: 'mysql.demo.svc',
      port: 3306,
      username: 'root',
      password: 's3cret-pw',
    });
  });

  it('lets the caller resolve the Service (local stack: endpoints on loopback)', () => {
    const binding = appBinding({
      type: 'postgres',
      clientConfig: { service: { name: 'pg', port: 5432, path: '/app', query: 'sslmode=disable' } },
    });
    const seen: unknown[] = [];
    const connection = connectionFromAppBinding(binding, secret, (service) => {
      seen.push(service);
      return { host: '127.0.0.1', port: 15432 };
    });
    expect(seen).toEqual([{ name: 'pg', namespace: 'demo', port: 5432 }]);
    expect(connection).toEqual({
      engine: 'postgres',
      host: '127.0.0.1',
      port: 15432,
      username: 'root',
      password: 's3cret-pw',
      database: 'app',
      params: { sslmode: 'disable' },
    });
  });

  it('reads clientConfig.url', () => {
    const binding = appBinding({ type: 'mariadb', clientConfig: { url: 'mysql://maria.demo.svc:3307/shop' } });
    expect(connectionFromAppBinding(binding, secret)).toMatchObject({
      engine: 'mariadb',
      host: 'maria.demo.svc',
      port: 3307,
      database: 'shop',
    });
  });

  it('names the Secret and the missing key, never a value', () => {
    const binding = appBinding({ type: 'mysql', clientConfig: { url: 'mysql://h/' } });
    expect(() => connectionFromAppBinding(binding, { password: 'x' })).toThrow(
      new AppBindingError('Secret "mysql-auth" has no username key'),
    );
    expect(() => connectionFromAppBinding(binding, { username: 'u' })).toThrow('Secret "mysql-auth" has no password key');
  });

  it('needs a url or a service', () => {
    expect(() => connectionFromAppBinding(appBinding({ type: 'mysql' }), secret)).toThrow(
      'neither clientConfig.url nor clientConfig.service',
    );
  });
});

describe('engineOf', () => {
  it.each([
    ['mysql', 'mysql'],
    ['kubedb.com/mysql', 'mysql'],
    ['MariaDB', 'mariadb'],
    ['kubedb.com/mariadb', 'mariadb'],
    ['postgres', 'postgres'],
    ['kubedb.com/postgres', 'postgres'],
    ['postgresql', 'postgres'],
  ])('%s → %s', (type, engine) => {
    expect(engineOf(type)).toBe(engine);
  });

  it('rejects other types', () => {
    expect(() => engineOf('kubedb.com/mongodb')).toThrow('AppBinding type "kubedb.com/mongodb" is not a supported database');
    expect(() => engineOf(undefined)).toThrow(AppBindingError);
  });
});

describe('parseClientUrl', () => {
  it.each([
    [
      'postgres://pg.demo.svc:5432/app?sslmode=require',
      { host: 'pg.demo.svc', port: 5432, database: 'app', params: { sslmode: 'require' } },
    ],
    ['postgres://pg.demo.svc', { host: 'pg.demo.svc', port: 3306 }],
    ['tcp(mysql.demo.svc:3306)/', { host: 'mysql.demo.svc', port: 3306 }],
    ['root@tcp(mysql.demo.svc)/shop', { host: 'mysql.demo.svc', port: 3306, database: 'shop' }],
    ['not a url', undefined],
    ['mysql://[::1]:3306/', { host: '::1', port: 3306 }],
  ])('%s', (url, expected) => {
    if (expected) expect(parseClientUrl(url, 3306)).toEqual(expected);
    else expect(() => parseClientUrl(url, 3306)).toThrow(AppBindingError);
  });
});
