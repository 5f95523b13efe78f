import { snapshotFilterArgs, type SnapshotFilter } from './snapshot-filter.js';

/** The keep rules of a retention policy (a Stash RetentionPolicy fits). */
export interface KeepPolicy {
  keepLast?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
  keepYearly?: number;
  keepTags?: string[];
}

export interface ForgetOptions extends SnapshotFilter {
  prune?: boolean;
  dryRun?: boolean;
  /** restic --group-by; default "host,paths" so each host's history is kept apart. */
  groupBy?: string;
}

const KEEP_FLAGS = [
  ['keepLast', '--keep-last'],
  ['keepHourly', '--keep-hourly'],
  ['keepDaily', '--keep-daily'],
  ['keepWeekly', '--keep-weekly'],
  ['keepMonthly', '--keep-monthly'],
  ['keepYearly', '--keep-yearly'],
] as const;

export const DEFAULT_GROUP_BY = 'host,paths';

/** Pure: restic --keep-* flags for a policy; zero or unset counts add nothing. */
export function keepArgs(policy: KeepPolicy): string[] {
  const counts = KEEP_FLAGS.flatMap(([field, flag]) => (policy[field] ? [flag, String(policy[field])] : []));
  return [...counts, ...(policy.keepTags ?? []).flatMap((tag) => ['--keep-tag', tag])];
}

/** Pure: `restic forget` arguments applying a policy. */
export function forgetArgs(policy: KeepPolicy, options: ForgetOptions = {}): string[] {
  const { prune, dryRun, groupBy = DEFAULT_GROUP_BY, ...filter } = options;
  return [
    'forget',
    '--json',
    ...keepArgs(policy),
    '--group-by',
    groupBy,
    ...snapshotFilterArgs(filter),
    ...(prune ? ['--prune'] : []),
    ...(dryRun ? ['--dry-run'] : []),
  ];
}
