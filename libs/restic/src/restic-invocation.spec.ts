import { restoreArgs } from './restore-args.js';
import { globalArgs, resticEnv } from './restic-invocation.js';
import type { ResticRepository } from './restic-repository.js';

const repository: ResticRepository = {
  url: 'rest:http://bob:secret-pw@rest:8000/deployment/app',
  redactedUrl: 'rest:http://***@rest:8000/deployment/app',
  password: 'restic-pass',
  env: { AWS_SECRET_ACCESS_KEY: 'aws-secret' },
  insecureTls: true,
  options: { 'gs.connections': '4' },
};

describe('restic invocation', () => {
  it('keeps the repository URL and every secret out of argv', () => {
    const args = globalArgs(repository, { cacheDir: '/cache' }, { env: {}, caCertPath: '/tmp/x/ca.crt' });
    expect(args).toEqual(['--cache-dir', '/cache', '--cacert', '/tmp/x/ca.crt', '--insecure-tls', '-o', 'gs.connections=4']);
    expect(args.join(' ')).not.toMatch(/secret|restic-pass/);
  });

  it('prefers --no-cache over a cache dir', () => {
    expect(globalArgs({ ...repository, insecureTls: false, options: {} }, { noCache: true, cacheDir: '/c' }, { env: {} })).toEqual([
      '--no-cache',
    ]);
  });

  it('passes repository, password and credentials in the environment, overriding inherited settings', () => {
    const env = resticEnv(
      repository,
      { PATH: '/bin', RESTIC_PASSWORD_FILE: '/etc/pw', RESTIC_PASSWORD: 'old' },
      { env: { GOOGLE_APPLICATION_CREDENTIALS: '/tmp/x/key' } },
    );
    expect(env).toEqual({
      PATH: '/bin',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      GOOGLE_APPLICATION_CREDENTIALS: '/tmp/x/key',
      RESTIC_REPOSITORY: repository.url,
      RESTIC_PASSWORD: 'restic-pass',
    });
  });

  it('builds restore arguments with include, exclude and the latest-snapshot filter', () => {
    expect(
      restoreArgs({ snapshot: 'latest', target: '/', include: ['/data/a'], exclude: ['*.log'], host: 'host-0', path: '/data' }),
    ).toEqual([
      'restore',
      '--target',
      '/',
      '--include',
      '/data/a',
      '--exclude',
      '*.log',
      '--host',
      'host-0',
      '--path',
      '/data',
      '--',
      'latest',
    ]);
  });
});
