import type { Backend } from '@restash/api';
import { BackendConfigError, resticRepositoryFor } from './backend-repository.js';
import { repositorySecrets } from './restic-repository.js';

const target = { kind: 'Deployment', name: 'wordpress' };
const secretData = { RESTIC_PASSWORD: 'restic-pass' };

function repositoryFor(backend: Backend, extra: Record<string, string> = {}) {
  return resticRepositoryFor({ backend, target, secretData: { ...secretData, ...extra } });
}

describe('resticRepositoryFor', () => {
  it('puts a local repository under mountPath/subPath/<kind>/<name>', () => {
    const repository = repositoryFor({ local: { mountPath: '/safe/data', subPath: 'demo/' } });
    expect(repository).toEqual({
      url: '/safe/data/demo/deployment/wordpress',
      redactedUrl: '/safe/data/demo/deployment/wordpress',
      password: 'restic-pass',
      env: {},
    });
    expect(repositoryFor({ local: { mountPath: '/safe/data' } }).url).toBe('/safe/data/deployment/wordpress');
  });

  it('puts REST credentials into the URL and hides them in redactedUrl', () => {
    const repository = repositoryFor(
      { rest: { url: 'http://rest.example:8000/backups/' } },
      { REST_SERVER_USERNAME: 'bob', REST_SERVER_PASSWORD: 'p@ss/word' },
    );
    expect(repository.url).toBe('rest:http://bob:p%40ss%2Fword@rest.example:8000/backups/deployment/wordpress');
    expect(repository.redactedUrl).toBe('rest:http://***@rest.example:8000/backups/deployment/wordpress');
    expect(repository.env).toEqual({});
    expect(repositorySecrets(repository)).toEqual(expect.arrayContaining(['restic-pass', 'p%40ss%2Fword', 'p@ss/word']));
  });

  it('leaves a REST URL without credentials as it is', () => {
    expect(repositoryFor({ rest: { url: 'https://rest.example' } }).url).toBe('rest:https://rest.example/deployment/wordpress');
  });

  it('builds s3 URLs with AWS credentials, region and TLS settings', () => {
    const repository = repositoryFor(
      { s3: { endpoint: 'https://minio.local:9000/', bucket: 'stash', prefix: '/demo/app/', region: 'eu-west-1', insecureTLS: true } },
      { AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'secret-key', CA_CERT_DATA: 'PEM' },
    );
    expect(repository).toMatchObject({
      url: 's3:https://minio.local:9000/stash/demo/app/deployment/wordpress',
      env: { AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'secret-key', AWS_DEFAULT_REGION: 'eu-west-1' },
      caCert: 'PEM',
      insecureTls: true,
    });
    expect(repositoryFor({ s3: { bucket: 'b' } }).url).toBe('s3:s3.amazonaws.com/b/deployment/wordpress');
  });

  it.each([
    [
      { gcs: { bucket: 'b', prefix: 'p', maxConnections: 4 } },
      'gs:b:/p/deployment/wordpress',
      { GOOGLE_PROJECT_ID: 'proj' },
      { 'gs.connections': '4' },
    ],
    [
      { azure: { container: 'c', prefix: 'p' } },
      'azure:c:/p/deployment/wordpress',
      { AZURE_ACCOUNT_NAME: 'acct', AZURE_ACCOUNT_KEY: 'azkey' },
      undefined,
    ],
    [
      { b2: { bucket: 'b', prefix: 'p', maxConnections: 2 } },
      'b2:b:p/deployment/wordpress',
      { B2_ACCOUNT_ID: 'id', B2_ACCOUNT_KEY: 'b2key' },
      { 'b2.connections': '2' },
    ],
    [{ swift: { container: 'c' } }, 'swift:c:/deployment/wordpress', { OS_AUTH_URL: 'https://keystone', OS_PASSWORD: 'ospw' }, undefined],
  ] as Array<[Backend, string, Record<string, string>, Record<string, string> | undefined]>)('builds %j', (backend, url, env, options) => {
    const secret = {
      GOOGLE_PROJECT_ID: 'proj',
      AZURE_ACCOUNT_NAME: 'acct',
      AZURE_ACCOUNT_KEY: 'azkey',
      B2_ACCOUNT_ID: 'id',
      B2_ACCOUNT_KEY: 'b2key',
    };
    const repository = repositoryFor(backend, { ...secret, OS_AUTH_URL: 'https://keystone', OS_PASSWORD: 'ospw', UNRELATED: 'x' });
    expect(repository.url).toBe(url);
    expect(repository.env).toEqual(env);
    expect(repository.options).toEqual(options);
  });

  it('hands the GCS service account key over as a file', () => {
    const repository = repositoryFor({ gcs: { bucket: 'b' } }, { GOOGLE_SERVICE_ACCOUNT_JSON_KEY: '{"type":"service_account"}' });
    expect(repository.files).toEqual({ GOOGLE_APPLICATION_CREDENTIALS: '{"type":"service_account"}' });
  });

  it('lowercases the target kind', () => {
    const repository = resticRepositoryFor({
      backend: { local: { mountPath: '/r' } },
      target: { kind: 'AppBinding', name: 'mysql' },
      secretData,
    });
    expect(repository.url).toBe('/r/appbinding/mysql');
  });

  it('names the Secret and key when RESTIC_PASSWORD is missing, never a value', () => {
    const call = () =>
      resticRepositoryFor({
        backend: { storageSecretName: 'gcs-secret', gcs: { bucket: 'b' } },
        target,
        secretData: { GOOGLE_PROJECT_ID: 'hush-hush' },
      });
    expect(call).toThrow(new BackendConfigError('Secret "gcs-secret" has no RESTIC_PASSWORD key'));
  });

  it('rejects a backend with no or several providers', () => {
    expect(() => repositoryFor({})).toThrow(BackendConfigError);
    expect(() => repositoryFor({ local: { mountPath: '/a' }, s3: { bucket: 'b' } })).toThrow('exactly one of');
  });
});
