import { ConfigError, EnvReader } from './env-reader.js';

/** PEM files for a TLS connection: the CA to trust and, for mutual TLS, this client's certificate and key. */
export interface TlsFiles {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

/** How to reach NATS: the URL plus credentials and TLS from the environment (never from the URL). */
export interface NatsTransport {
  url: string;
  user?: string;
  password?: string;
  token?: string;
  /** Set: TLS is required (a `tls://` URL or any NATS_TLS_* file). */
  tls?: TlsFiles;
}

/** How to reach Redis: the URL without credentials, the credentials apart (from REDIS_USERNAME/REDIS_PASSWORD or the URL). */
export interface RedisTransport {
  url: string;
  username?: string;
  password?: string;
  /** Set: TLS is used (a `rediss://` URL). */
  tls?: TlsFiles;
}

export const NATS_PROTOCOLS = ['nats:', 'tls:'];
export const REDIS_PROTOCOLS = ['redis:', 'rediss:'];

/** NATS_USER/NATS_PASSWORD or NATS_TOKEN, NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE + NATS_TLS_KEY_FILE, for the NATS at `url`. */
export function loadNatsTransport(url: string, env = new EnvReader()): NatsTransport {
  const user = env.optionalString('NATS_USER');
  const password = env.optionalString('NATS_PASSWORD');
  const token = env.optionalString('NATS_TOKEN');
  if (password && !user) throw new ConfigError('NATS_PASSWORD is set without NATS_USER');
  if (token && user) throw new ConfigError('NATS_TOKEN and NATS_USER are both set: use a token or a user/password');
  const tls = tlsFiles(env, 'NATS');
  const required = new URL(url).protocol === 'tls:' || tls !== undefined;
  return { url, ...defined({ user, password, token }), ...(required && { tls: tls ?? {} }) };
}

/** REDIS_USERNAME/REDIS_PASSWORD (else the URL's), REDIS_TLS_CA_FILE, REDIS_TLS_CERT_FILE + REDIS_TLS_KEY_FILE, for the Redis at `url`. */
export function loadRedisTransport(url: string, env = new EnvReader()): RedisTransport {
  const parsed = new URL(url);
  const username = env.optionalString('REDIS_USERNAME') ?? (decodeURIComponent(parsed.username) || undefined);
  const password = env.optionalString('REDIS_PASSWORD') ?? (decodeURIComponent(parsed.password) || undefined);
  const tls = tlsFiles(env, 'REDIS');
  if (tls && parsed.protocol !== 'rediss:') throw new ConfigError('REDIS_TLS_* files are set but REDIS_URL uses redis://: use rediss:// for TLS');
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), ...defined({ username, password }), ...(parsed.protocol === 'rediss:' && { tls: tls ?? {} }) };
}

/** Pure: a URL fit for a log line (its password replaced). */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = 'REDACTED';
    return parsed.toString();
  } catch {
    return '[unparsable URL]';
  }
}

function tlsFiles(env: EnvReader, prefix: string): TlsFiles | undefined {
  const files = defined({ caFile: env.readableFile(`${prefix}_TLS_CA_FILE`), certFile: env.readableFile(`${prefix}_TLS_CERT_FILE`), keyFile: env.readableFile(`${prefix}_TLS_KEY_FILE`) });
  if (!files.certFile !== !files.keyFile) throw new ConfigError(`${prefix}_TLS_CERT_FILE and ${prefix}_TLS_KEY_FILE go together (a client certificate needs its key)`);
  return Object.keys(files).length ? files : undefined;
}

function defined<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<Record<keyof T, string>>;
}
