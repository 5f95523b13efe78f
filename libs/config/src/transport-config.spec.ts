import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvReader } from './env-reader.js';
import { loadNatsTransport, loadRedisTransport, redactedUrl } from './transport-config.js';

const dir = mkdtempSync(join(tmpdir(), 'transport-config-'));
const ca = join(dir, 'ca.crt');
writeFileSync(ca, 'PEM');

describe('loadNatsTransport', () => {
  it('takes credentials from the environment and requires TLS for tls:// or a CA file', () => {
    expect(loadNatsTransport('nats://n:4222', new EnvReader({}))).toEqual({ url: 'nats://n:4222' });
    expect(loadNatsTransport('tls://n:4222', new EnvReader({ NATS_USER: 'restash', NATS_PASSWORD: 'pw' }))).toEqual({ url: 'tls://n:4222', user: 'restash', password: 'pw', tls: {} });
    expect(loadNatsTransport('nats://n:4222', new EnvReader({ NATS_TOKEN: 't', NATS_TLS_CA_FILE: ca }))).toEqual({ url: 'nats://n:4222', token: 't', tls: { caFile: ca } });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadNatsTransport('tls://n:4222', new EnvReader({ NATS_TLS_CA_FILE: '/nowhere/ca.crt' }))).toThrow('NATS_TLS_CA_FILE=/nowhere/ca.crt cannot be read (ENOENT)');
    expect(() => loadNatsTransport('tls://n:4222', new EnvReader({ NATS_TLS_CERT_FILE: ca }))).toThrow('NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE go together');
    expect(() => loadNatsTransport('nats://n:4222', new EnvReader({ NATS_PASSWORD: 'pw' }))).toThrow('NATS_PASSWORD is set without NATS_USER');
  });
});

describe('loadRedisTransport', () => {
  it('takes credentials from REDIS_USERNAME/REDIS_PASSWORD or the URL, and keeps them out of the URL', () => {
    expect(loadRedisTransport('rediss://restash:p%40ss@r:6380/2', new EnvReader({ REDIS_TLS_CA_FILE: ca }))).toEqual({ url: 'rediss://r:6380/2', username: 'restash', password: 'p@ss', tls: { caFile: ca } });
    expect(loadRedisTransport('redis://:old@r:6379', new EnvReader({ REDIS_USERNAME: 'restash', REDIS_PASSWORD: 'new' }))).toEqual({ url: 'redis://r:6379', username: 'restash', password: 'new' });
  });

  it('refuses TLS files with a plaintext URL and names missing files', () => {
    expect(() => loadRedisTransport('redis://r:6379', new EnvReader({ REDIS_TLS_CA_FILE: ca }))).toThrow('REDIS_TLS_* files are set but REDIS_URL uses redis://');
    expect(() => loadRedisTransport('rediss://r:6380', new EnvReader({ REDIS_TLS_KEY_FILE: '/nowhere/k' }))).toThrow('REDIS_TLS_KEY_FILE=/nowhere/k cannot be read (ENOENT)');
  });
});

describe('redactedUrl', () => {
  it('hides a password in a URL', () => {
    expect(redactedUrl('rediss://restash:s3cret@r:6380/2')).toBe('rediss://restash:REDACTED@r:6380/2');
    expect(redactedUrl('nats://n:4222')).toBe('nats://n:4222');
  });
});
