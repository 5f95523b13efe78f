import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every path below `dir` with what it is: `dir`, or the sha256 of a file's bytes (a byte-for-byte fingerprint of the tree). */
export function fileTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const key = relative(dir, full);
      if (entry.isDirectory()) {
        tree[key] = 'dir';
        walk(full);
      } else {
        tree[key] = `${statSync(full).mode.toString(8)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return tree;
}
