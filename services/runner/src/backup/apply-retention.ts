import type { RetentionPolicy } from '@restash/api';
import { ResticError, type Restic } from '@restash/restic';

const LOCK_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * `restic forget` for this host's snapshots with the batch's policy (and `--prune` when asked).
 * Pruning needs restic's exclusive lock, so while other hosts of the same member still write, it
 * waits and retries instead of failing. Returns how many snapshots were removed.
 */
export async function applyRetention(restic: Restic, policy: RetentionPolicy, host: string): Promise<number> {
  const keep = {
    keepLast: policy.keepLast,
    keepHourly: policy.keepHourly,
    keepDaily: policy.keepDaily,
    keepWeekly: policy.keepWeekly,
    keepMonthly: policy.keepMonthly,
    keepYearly: policy.keepYearly,
    keepTags: policy.keepTags,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await restic.forget(keep, { host, prune: policy.prune, dryRun: policy.dryRun });
      return policy.dryRun ? 0 : result.removed.length;
    } catch (error) {
      const delay = LOCK_RETRY_DELAYS_MS[attempt];
      if (!(error instanceof ResticError && error.reason === 'locked') || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
