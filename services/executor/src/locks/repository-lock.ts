import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@restash/observability';
import type { RepositoryUser } from '@restash/repositories';
import { LOGGER } from '@restash/service-runtime';
import { MemberQueue } from '../queues/member-queue.js';
import { HolderLocks } from './holder-locks.js';

const WAIT_POLL_MS = 1000;

/** Which member repository a run writes: its batch's Repository and the target (`<prefix>/<kind>/<name>` inside its backend). */
export interface MemberRepositoryRef {
  user: RepositoryUser;
  target: { kind: string; name: string };
}

/**
 * One member run (backup or restore) per member repository at a time, cluster-wide: two batches or a
 * backup and a restore of the same target wait for each other. Its holder is the member run's job id;
 * a holder whose job finished (or is gone) is replaced, so a crash never locks a repository for good.
 * This is what lets a runner that starts alone remove every restic lock it finds (they are leftovers).
 */
@Injectable()
export class RepositoryLock {
  constructor(
    private readonly locks: HolderLocks,
    private readonly members: MemberQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs `work` while holding the member repository's lock for `holder`, waiting for another holder to finish first. */
  async holding<T>(ref: MemberRepositoryRef, holder: string, work: () => Promise<T>): Promise<T> {
    const key = repositoryLockKey(ref);
    await this.acquire(key, holder);
    try {
      return await work();
    } finally {
      await this.locks.release(key, holder);
    }
  }

  private async acquire(key: string, holder: string): Promise<void> {
    let waitingFor: string | undefined;
    for (;;) {
      let current = await this.locks.acquire(key, holder);
      if (current !== holder && (await this.members.isFinished(current))) current = await this.locks.acquire(key, holder, current);
      if (current === holder) return;
      if (current !== waitingFor) this.logger.info({ run: holder, repository: key, holder: current }, 'waiting for another run of the same member repository');
      waitingFor = current;
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
  }
}

/** Pure: the Redis key of a member repository's lock. */
export function repositoryLockKey({ user, target }: MemberRepositoryRef): string {
  const repository = `${user.repository?.namespace ?? user.namespace}/${user.repository?.name ?? ''}`;
  return `restash:repository-lock:${repository}/${target.kind.toLowerCase()}/${target.name}`;
}
