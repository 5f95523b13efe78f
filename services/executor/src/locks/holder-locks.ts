import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CONNECTION } from '@restash/queue';
import type { Redis } from 'ioredis';

/** Takes the lock when it is free, already held by the caller, or still held by `stale` (a holder known to be finished); returns the holder. */
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if (not current) or current == ARGV[1] or (ARGV[2] ~= '' and current == ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return ARGV[1]
end
return current`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Cluster-wide locks in Redis, each with one named holder. A lock outlives a crashed holder (no
 * expiry: a resumed run takes it again under the same name); whoever knows the holder finished may
 * replace it.
 */
@Injectable()
export class HolderLocks {
  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  /** Takes `key` for `holder` unless another holds it (other than `stale`); returns the holder after the attempt. */
  async acquire(key: string, holder: string, stale?: string): Promise<string> {
    return (await this.redis.eval(ACQUIRE, 1, key, holder, stale ?? '')) as string;
  }

  /** Lets go of `key` if `holder` still holds it. */
  async release(key: string, holder: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, key, holder);
  }
}
