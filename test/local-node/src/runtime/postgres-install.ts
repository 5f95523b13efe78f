import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** bin directory of the newest PostgreSQL major installed from Debian packages, if any. */
export function newestPostgresBinDir(root = '/usr/lib/postgresql'): string | undefined {
  let versions: string[];
  try {
    versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return undefined;
  }
  const bin = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'))
    .find((dir) => existsSync(join(dir, 'postgres')));
  return bin;
}
