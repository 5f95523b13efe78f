import { Redis } from 'ioredis';

/**
 * An ioredis connection for BullMQ. Workers block on Redis, so their connections must not give
 * up on a command (maxRetriesPerRequest: null); both kinds reconnect forever.
 */
export function createRedisConnection(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
}
