import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultSection } from './result-section.js';
import { mergeResults } from './results-file.js';
import { sectionMarkdown } from './results-markdown.js';

export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'RESULTS.md');

/** Writes the sections into bench/RESULTS.md, replacing their own blocks only. */
export async function writeResults(sections: readonly ResultSection[]): Promise<void> {
  const existing = existsSync(RESULTS_FILE) ? await readFile(RESULTS_FILE, 'utf8') : undefined;
  const blocks = new Map(sections.map((section) => [section.id, sectionMarkdown(section)]));
  await writeFile(RESULTS_FILE, mergeResults(existing, blocks));
}
