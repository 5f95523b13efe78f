/**
 * Everything restic needs to open one member's repository. `url` may carry credentials (REST), so it
 * only ever travels in the child's environment (RESTIC_REPOSITORY); log `redactedUrl` instead.
 */
export interface ResticRepository {
  url: string;
  redactedUrl: string;
  password: string;
  /** Backend credentials and settings, passed to restic's environment. */
  env: Record<string, string>;
  /** Credentials restic reads from a file: env variable name → file content (written 0600 per call). */
  files?: Record<string, string>;
  /** PEM CA bundle for the backend's TLS (restic `--cacert`). */
  caCert?: string;
  insecureTls?: boolean;
  /** Backend options (restic `-o key=value`), e.g. `gs.connections`. */
  options?: Record<string, string>;
}

/** Every secret value a repository holds, for scrubbing restic's output. */
export function repositorySecrets(repository: ResticRepository): string[] {
  const secrets = [repository.password, ...Object.values(repository.env), ...Object.values(repository.files ?? {})];
  return [...secrets, ...urlPasswordForms(repository.url)];
}

/** `rest:http://user:pass@host/x` → `rest:http://***@host/x`; other URLs unchanged. */
export function redactRepositoryUrl(url: string): string {
  return url.replace(/^(rest:[a-z]+:\/\/)[^@/]*@/i, '$1***@');
}

/** The password of a REST URL as written (percent-encoded) and decoded. */
function urlPasswordForms(url: string): string[] {
  const userinfo = /^rest:[a-z]+:\/\/([^@/]*)@/i.exec(url)?.[1];
  const encoded = userinfo?.split(':').slice(1).join(':');
  return encoded ? [encoded, decodeURIComponentSafe(encoded)] : [];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
