import { Inject, Injectable } from '@nestjs/common';
import type { ObjectIdentity } from '@restash/events';
import { REDIS_CONNECTION } from '@restash/queue';
import type { Redis } from 'ioredis';

/** Takes the lock when it is free or still held by `stale` (a holder known to be finished); returns the holder. */
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if (not current) or current == ARGV[1] or (ARGV[2] ~= '' and current == ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return ARGV[1]
end
return current`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface LockHolder {
  name: string;
  uid: string;
}

/**
 * One running session per BackupBatch, cluster-wide. The holder is recorded as `uid/name`; a
 * holder left behind by a crash is replaced once its session is known to be finished or gone.
 */
@Injectable()
export class BatchLock {
  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  async acquire(batch: { namespace: string; name: string }, session: ObjectIdentity, stale?: LockHolder): Promise<LockHolder> {
    const holder = (await this.redis.eval(ACQUIRE, 1, key(batch), encode(session), stale ? encode(stale) : '')) as string;
    return decode(holder);
  }

  async release(batch: { namespace: string; name: string }, session: ObjectIdentity): Promise<void> {
    await this.redis.eval(RELEASE, 1, key(batch), encode(session));
  }
}

const key = (batch: { namespace: string; name: string }) => `restash:batch-lock:${batch.namespace}/${batch.name}`;
const encode = (holder: LockHolder) => `${holder.uid}/${holder.name}`;

function decode(value: string): LockHolder {
  const slash = value.indexOf('/');
  return { uid: value.slice(0, slash), name: value.slice(slash + 1) };
}
