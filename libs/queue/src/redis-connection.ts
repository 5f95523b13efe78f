import { readFileSync } from 'node:fs';
import { redactedUrl, type RedisTransport } from '@restash/config';
import { secretScrubber, type Logger } from '@restash/observability';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * An ioredis connection for BullMQ. Workers block on Redis, so their connections must not give
 * up on a command (maxRetriesPerRequest: null); both kinds reconnect forever. A refusal (credentials,
 * TLS) is logged once per distinct reason, naming the settings to check and never the password.
 */
export function createRedisConnection(transport: RedisTransport | string, name: string, logger?: Logger): Redis {
  const redis = typeof transport === 'string' ? { url: transport } : transport;
  const connection = new Redis(redis.url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    ...redisAuthOptions(redis),
  });
  watchConnection(connection, redis, logger);
  return connection;
}

/** Another connection with the same settings (BullMQ workers and QueueEvents block on their own), its problems logged alike. */
export function duplicateRedisConnection(connection: Redis): Redis {
  const copy = connection.duplicate();
  const watch = watched.get(connection);
  if (watch) watchConnection(copy, watch.redis, watch.logger);
  return copy;
}

/**
 * Logs what BullMQ reports on a queue, worker or QueueEvents (one line per distinct problem, secrets
 * scrubbed); without a listener BullMQ prints the raw error, whose command may hold the password.
 */
export function logQueueErrors(emitter: { name: string; on(event: 'error', listener: (error: Error) => void): unknown }, logger: Logger): void {
  let last = '';
  emitter.on('error', (error: Error) => {
    const message = secretScrubber.scrub(error.message);
    if (message === last) return;
    last = message;
    logger.error({ queue: emitter.name, error: message }, `queue ${emitter.name}: ${message}`);
  });
}

const problems = new WeakMap<Redis, string>();
const watched = new WeakMap<Redis, { redis: RedisTransport; logger: Logger | undefined }>();

function watchConnection(connection: Redis, redis: RedisTransport, logger: Logger | undefined): void {
  watched.set(connection, { redis, logger });
  connection.on('error', (error: Error) => {
    const problem = redisProblem(error, redis);
    if (problem === problems.get(connection)) return;
    problems.set(connection, problem);
    logger?.error({ redis: redactedUrl(redis.url) }, problem);
  });
  connection.on('ready', () => problems.delete(connection));
}

/** Why a connection is not ready (its last error, as redisProblem words it), for /readyz; undefined when ready. */
export function redisConnectionProblem(connection: Redis): string | undefined {
  if (connection.status === 'ready') return undefined;
  return problems.get(connection) ?? `Redis connection ${connection.status}`;
}

/** ioredis options for a transport's credentials and TLS files; the password is remembered for scrubbing. */
export function redisAuthOptions(redis: RedisTransport): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  secretScrubber.remember(redis.password);
  const { tls } = redis;
  return {
    ...(redis.username && { username: redis.username }),
    ...(redis.password && { password: redis.password }),
    ...(tls && {
      tls: {
        ...(tls.caFile && { ca: readFileSync(tls.caFile) }),
        ...(tls.certFile && { cert: readFileSync(tls.certFile) }),
        ...(tls.keyFile && { key: readFileSync(tls.keyFile) }),
      },
    }),
  };
}

/** Pure: a Redis connection error as an operator reads it: what failed and which settings to check. */
export function redisProblem(error: Error, redis: RedisTransport): string {
  const where = `Redis at ${redactedUrl(redis.url)}`;
  const message = secretScrubber.scrub(error.message);
  if (/WRONGPASS|NOAUTH|NOPERM|invalid password|invalid username/i.test(message)) {
    return `${where} refused the credentials: ${message} (check REDIS_USERNAME${redis.username ? `=${redis.username}` : ''} and REDIS_PASSWORD)`;
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (/CERT|SIGNATURE|SSL|TLS|HOSTNAME/i.test(code) || /certificate|ssl|tls/i.test(message)) {
    return `TLS with ${where} failed: ${message} (check REDIS_TLS_CA_FILE and that REDIS_URL uses rediss://)`;
  }
  return `${where} is not reachable: ${message}`;
}

/**
 * A BullMQ queue object (Queue, QueueEvents) on a connection from createRedisConnection or
 * duplicateRedisConnection: the connection's watcher already logs its problems, and without a listener
 * BullMQ would print the raw error, whose command may hold the password.
 */
export function onWatchedConnection<T extends { on(event: 'error', listener: (error: Error) => void): unknown }>(queueObject: T): T {
  queueObject.on('error', () => undefined);
  return queueObject;
}
