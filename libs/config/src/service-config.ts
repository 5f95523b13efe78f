import { hostname } from 'node:os';
import { EnvReader } from './env-reader.js';
import { loadNatsTransport, loadRedisTransport, NATS_PROTOCOLS, REDIS_PROTOCOLS, type NatsTransport, type RedisTransport } from './transport-config.js';

/** What every long-running restash service reads from its environment. */
export interface ServiceConfig {
  service: string;
  /** Unique per process: the pod name in a cluster, host-pid locally. Used for leases and consumer names. */
  instanceId: string;
  httpPort: number;
  logLevel: string;
  nats: NatsTransport;
  redis: RedisTransport;
  /** How long graceful shutdown may take before the process exits anyway. */
  shutdownTimeoutMs: number;
}

export function loadServiceConfig(service: string, defaultHttpPort: number, env = new EnvReader()): ServiceConfig {
  return {
    service,
    instanceId: env.string('RESTASH_INSTANCE_ID', env.optionalString('POD_NAME') ?? `${hostname()}-${process.pid}`),
    httpPort: env.integer('HTTP_PORT', defaultHttpPort, { min: 0, max: 65535 }),
    logLevel: env.string('LOG_LEVEL', 'info'),
    nats: loadNatsTransport(env.url('NATS_URL', NATS_PROTOCOLS, 'nats://127.0.0.1:4222'), env),
    redis: loadRedisTransport(env.url('REDIS_URL', REDIS_PROTOCOLS, 'redis://127.0.0.1:6379'), env),
    shutdownTimeoutMs: env.integer('SHUTDOWN_TIMEOUT_MS', 25_000, { min: 1000 }),
  };
}
