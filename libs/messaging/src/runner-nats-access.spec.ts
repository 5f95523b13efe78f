import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerNatsEnv, runnerNatsFileKeys, runnerNatsSecretData } from './runner-nats-access.js';

describe('runner NATS access', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-nats-'));
  writeFileSync(join(dir, 'ca.crt'), 'CA PEM');

  it('copies credentials and TLS file contents into Secret entries', () => {
    expect(runnerNatsSecretData({ url: 'tls://n:4222', user: 'restash', password: 'pw', tls: { caFile: join(dir, 'ca.crt') } })).toEqual({
      'nats-user': 'restash',
      'nats-password': 'pw',
      'nats-ca.crt': 'CA PEM',
    });
    expect(runnerNatsSecretData({ url: 'nats://n:4222' })).toEqual({});
  });

  it('refers to the entries: credentials by secretKeyRef, files by their mounted path', () => {
    const data = { 'nats-token': 't', 'nats-ca.crt': 'CA', 'nats-client.crt': 'C', 'nats-client.key': 'K' };
    expect(runnerNatsEnv(data, 'run-1', '/etc/restash/nats')).toEqual([
      { name: 'NATS_TOKEN', valueFrom: { secretKeyRef: { name: 'run-1', key: 'nats-token' } } },
      { name: 'NATS_TLS_CA_FILE', value: '/etc/restash/nats/nats-ca.crt' },
      { name: 'NATS_TLS_CERT_FILE', value: '/etc/restash/nats/nats-client.crt' },
      { name: 'NATS_TLS_KEY_FILE', value: '/etc/restash/nats/nats-client.key' },
    ]);
    expect(runnerNatsFileKeys(data)).toEqual(['nats-ca.crt', 'nats-client.crt', 'nats-client.key']);
    expect(runnerNatsEnv({}, 'run-1', '/x')).toEqual([]);
  });
});
