/** Which snapshots a command considers (and, for "latest", which one is the latest). */
export interface SnapshotFilter {
  host?: string;
  /** A snapshot must carry all of these. */
  tags?: string[];
  /** A snapshot must include all of these absolute paths. */
  paths?: string[];
}

/** Pure: restic's --host/--tag/--path flags for a filter. */
export function snapshotFilterArgs({ host, tags = [], paths = [] }: SnapshotFilter): string[] {
  return [
    ...(host ? ['--host', host] : []),
    ...(tags.length ? ['--tag', tags.join(',')] : []),
    ...paths.flatMap((path) => ['--path', path]),
  ];
}
