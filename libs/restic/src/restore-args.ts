import { snapshotFilterArgs } from './snapshot-filter.js';

export interface RestoreOptions {
  /** A snapshot id (full or short) or "latest" (then host/path/tags choose among snapshots). */
  snapshot: string;
  target: string;
  include?: string[];
  exclude?: string[];
  host?: string;
  path?: string;
  tags?: string[];
}

/** Pure: `restic restore` arguments. */
export function restoreArgs({ snapshot, target, include = [], exclude = [], host, path, tags }: RestoreOptions): string[] {
  return [
    'restore',
    '--target',
    target,
    ...include.flatMap((pattern) => ['--include', pattern]),
    ...exclude.flatMap((pattern) => ['--exclude', pattern]),
    ...snapshotFilterArgs({ host, tags, paths: path ? [path] : [] }),
    '--',
    snapshot,
  ];
}
