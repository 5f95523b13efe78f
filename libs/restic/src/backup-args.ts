export interface BackupOptions {
  paths: string[];
  exclude?: string[];
  host: string;
  tags?: string[];
}

export interface StdinBackupOptions {
  /** Name the stream gets inside the snapshot, at its root: `/dumpfile.sql`. */
  filename?: string;
  host: string;
  tags?: string[];
}

export const DEFAULT_STDIN_FILENAME = 'dumpfile.sql';

/** Pure: `restic backup` arguments for paths on disk. */
export function backupArgs({ paths, exclude = [], host, tags = [] }: BackupOptions): string[] {
  if (paths.length === 0) throw new Error('restic backup needs at least one path');
  return ['backup', '--json', ...identity(host, tags), ...exclude.flatMap((pattern) => ['--exclude', pattern]), '--', ...paths];
}

/** Pure: `restic backup --stdin` arguments. */
export function stdinBackupArgs({ filename = DEFAULT_STDIN_FILENAME, host, tags = [] }: StdinBackupOptions): string[] {
  return ['backup', '--json', '--stdin', '--stdin-filename', filename, ...identity(host, tags)];
}

function identity(host: string, tags: string[]): string[] {
  return ['--host', host, ...(tags.length ? ['--tag', tags.join(',')] : [])];
}
