import type { ResticRepository } from './restic-repository.js';

export interface CacheOptions {
  /** restic --cache-dir; restic's default cache (~/.cache/restic) when unset. */
  cacheDir?: string;
  noCache?: boolean;
}

/** Files written for one invocation: env name → path, and the CA bundle's path. */
export interface CredentialPaths {
  env: Record<string, string>;
  caCertPath?: string;
}

// Settings a parent environment could carry that would override the repository we pass.
const INHERITED_OVERRIDES = [
  'RESTIC_REPOSITORY_FILE',
  'RESTIC_PASSWORD_FILE',
  'RESTIC_PASSWORD_COMMAND',
  'RESTIC_CACERT',
  'RESTIC_KEY_HINT',
];

/** Pure: the flags every restic command of this repository gets before its own arguments. */
export function globalArgs(repository: ResticRepository, cache: CacheOptions, credentials: CredentialPaths): string[] {
  return [
    ...(cache.noCache ? ['--no-cache'] : cache.cacheDir ? ['--cache-dir', cache.cacheDir] : []),
    ...(credentials.caCertPath ? ['--cacert', credentials.caCertPath] : []),
    ...(repository.insecureTls ? ['--insecure-tls'] : []),
    ...Object.entries(repository.options ?? {}).flatMap(([key, value]) => ['-o', `${key}=${value}`]),
  ];
}

/**
 * Pure: the child's environment. The repository URL and password go here, never into argv, since
 * argv is world-readable in /proc and a REST URL carries credentials.
 */
export function resticEnv(repository: ResticRepository, base: NodeJS.ProcessEnv, credentials: CredentialPaths): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const key of INHERITED_OVERRIDES) delete env[key];
  return {
    ...env,
    ...repository.env,
    ...credentials.env,
    RESTIC_REPOSITORY: repository.url,
    RESTIC_PASSWORD: repository.password,
  };
}
