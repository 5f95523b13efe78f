import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATED_HEADER } from './crd-files.js';

export interface Drift {
  file: string;
  problem: 'missing' | 'differs from the generator' | 'no longer generated';
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Generated files in `dir` that the generator no longer produces. */
export async function staleGeneratedFiles(dir: string, expected: ReadonlyMap<string, string>): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.yaml') && !expected.has(entry))) {
    if ((await readFile(join(dir, name), 'utf8')).startsWith(GENERATED_HEADER)) stale.push(name);
  }
  return stale;
}

/** How the files in `dir` differ from what the generator produces (exact text: generation is deterministic). */
export async function findDrift(dir: string, expected: ReadonlyMap<string, string>): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const [file, text] of expected) {
    const actual = await readIfPresent(join(dir, file));
    if (actual === undefined) drift.push({ file, problem: 'missing' });
    else if (actual !== text) drift.push({ file, problem: 'differs from the generator' });
  }
  for (const file of await staleGeneratedFiles(dir, expected)) drift.push({ file, problem: 'no longer generated' });
  return drift;
}
