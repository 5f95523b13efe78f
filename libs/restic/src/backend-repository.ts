import { posix } from 'node:path';
import type { AzureBackend, B2Backend, Backend, GcsBackend, LocalBackend, RestBackend, S3Backend, SwiftBackend } from '@restash/api';
import { backendProvider } from '@restash/api';
import { redactRepositoryUrl, type ResticRepository } from './restic-repository.js';

export class BackendConfigError extends Error {
  override readonly name = 'BackendConfigError';
}

/** The backup target a member's repository belongs to. */
export interface RepositoryTarget {
  kind: string;
  name: string;
}

export interface RepositoryInput {
  backend: Backend;
  target: RepositoryTarget;
  /** The storage Secret's data, already base64-decoded. */
  secretData: Record<string, string>;
  /** Named in errors; defaults to backend.storageSecretName. */
  secretName?: string;
}

type Location = Omit<ResticRepository, 'password' | 'redactedUrl'>;
type Secret = Record<string, string>;

/** Each member has its own repository at `<backend prefix>/<target kind lowercased>/<target name>`. */
export function resticRepositoryFor({ backend, target, secretData, secretName }: RepositoryInput): ResticRepository {
  const secret = secretName ?? backend.storageSecretName ?? 'storage Secret';
  const password = secretData['RESTIC_PASSWORD'];
  if (!password) throw new BackendConfigError(`Secret "${secret}" has no RESTIC_PASSWORD key`);
  const memberPath = `${target.kind.toLowerCase()}/${target.name}`;
  const location = locate(backend, memberPath, secretData);
  return { ...location, redactedUrl: redactRepositoryUrl(location.url), password };
}

function locate(backend: Backend, memberPath: string, secret: Secret): Location {
  const provider = backendProvider(backend);
  switch (provider) {
    case 'local':
      return local(backend.local!, memberPath);
    case 'rest':
      return rest(backend.rest!, memberPath, secret);
    case 's3':
      return s3(backend.s3!, memberPath, secret);
    case 'gcs':
      return gcs(backend.gcs!, memberPath, secret);
    case 'azure':
      return azure(backend.azure!, memberPath, secret);
    case 'b2':
      return b2(backend.b2!, memberPath, secret);
    case 'swift':
      return swift(backend.swift!, memberPath, secret);
    case undefined:
      throw new BackendConfigError('the Repository backend must configure exactly one of local, s3, gcs, azure, swift, b2, rest');
  }
}

function local(backend: LocalBackend, memberPath: string): Location {
  return { url: posix.join(backend.mountPath, backend.subPath ?? '', memberPath), env: {} };
}

function rest(backend: RestBackend, memberPath: string, secret: Secret): Location {
  let url: URL;
  try {
    url = new URL(backend.url);
  } catch {
    throw new BackendConfigError(`rest backend url "${backend.url}" is not a URL`);
  }
  if (secret['REST_SERVER_USERNAME']) url.username = secret['REST_SERVER_USERNAME'];
  if (secret['REST_SERVER_PASSWORD']) url.password = secret['REST_SERVER_PASSWORD'];
  return { url: `rest:${joinUrl(url.toString(), memberPath)}`, env: {}, ...tls(secret) };
}

function s3(backend: S3Backend, memberPath: string, secret: Secret): Location {
  const endpoint = (backend.endpoint || 's3.amazonaws.com').replace(/\/+$/, '');
  const env = pick(secret, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
  if (backend.region) env['AWS_DEFAULT_REGION'] = backend.region;
  return {
    url: `s3:${endpoint}/${joinPath(backend.bucket, backend.prefix, memberPath)}`,
    env,
    ...tls(secret),
    ...(backend.insecureTLS ? { insecureTls: true } : {}),
  };
}

function gcs(backend: GcsBackend, memberPath: string, secret: Secret): Location {
  const key = secret['GOOGLE_SERVICE_ACCOUNT_JSON_KEY'];
  return {
    url: `gs:${backend.bucket}:/${joinPath(backend.prefix, memberPath)}`,
    env: pick(secret, ['GOOGLE_PROJECT_ID']),
    ...(key ? { files: { GOOGLE_APPLICATION_CREDENTIALS: key } } : {}),
    ...connections('gs', backend.maxConnections),
  };
}

function azure(backend: AzureBackend, memberPath: string, secret: Secret): Location {
  return {
    url: `azure:${backend.container}:/${joinPath(backend.prefix, memberPath)}`,
    env: pick(secret, ['AZURE_ACCOUNT_NAME', 'AZURE_ACCOUNT_KEY', 'AZURE_ACCOUNT_SAS']),
    ...connections('azure', backend.maxConnections),
  };
}

function b2(backend: B2Backend, memberPath: string, secret: Secret): Location {
  return {
    url: `b2:${backend.bucket}:${joinPath(backend.prefix, memberPath)}`,
    env: pick(secret, ['B2_ACCOUNT_ID', 'B2_ACCOUNT_KEY']),
    ...connections('b2', backend.maxConnections),
  };
}

function swift(backend: SwiftBackend, memberPath: string, secret: Secret): Location {
  const keys = Object.keys(secret).filter((key) => key.startsWith('OS_') || key.startsWith('ST_'));
  return { url: `swift:${backend.container}:/${joinPath(backend.prefix, memberPath)}`, env: pick(secret, keys), ...tls(secret) };
}

function tls(secret: Secret): Pick<Location, 'caCert'> {
  return secret['CA_CERT_DATA'] ? { caCert: secret['CA_CERT_DATA'] } : {};
}

function connections(scheme: string, maxConnections: number | undefined): Pick<Location, 'options'> {
  return maxConnections ? { options: { [`${scheme}.connections`]: String(maxConnections) } } : {};
}

function pick(secret: Secret, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => secret[key]).map((key) => [key, secret[key]!]));
}

/** Path segments joined with single slashes, empty ones dropped. */
function joinPath(...parts: Array<string | undefined>): string {
  return parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/');
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}
