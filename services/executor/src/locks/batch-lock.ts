import { Injectable } from '@nestjs/common';
import type { ObjectIdentity } from '@restash/events';
import { HolderLocks } from './holder-locks.js';

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
  constructor(private readonly locks: HolderLocks) {}

  async acquire(batch: { namespace: string; name: string }, session: ObjectIdentity, stale?: LockHolder): Promise<LockHolder> {
    return decode(await this.locks.acquire(key(batch), encode(session), stale && encode(stale)));
  }

  async release(batch: { namespace: string; name: string }, session: ObjectIdentity): Promise<void> {
    await this.locks.release(key(batch), encode(session));
  }
}

const key = (batch: { namespace: string; name: string }) => `restash:batch-lock:${batch.namespace}/${batch.name}`;
const encode = (holder: LockHolder) => `${holder.uid}/${holder.name}`;

function decode(value: string): LockHolder {
  const slash = value.indexOf('/');
  return { uid: value.slice(0, slash), name: value.slice(slash + 1) };
}
