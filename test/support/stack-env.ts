import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The stack `./dev up` started: `.stack`, or RESTASH_STACK_DIR for one started beside it (e.g. `.stack-bench`). */
export const stackDir = process.env['RESTASH_STACK_DIR'] ?? join(repoRoot, '.stack');

/** Parses the stack's env file (KEY=VALUE lines written by ./dev up). */
export function loadStackEnv(): Record<string, string> {
  const file = join(stackDir, 'env');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: start the stack first with ./dev up --infra (./dev test does this itself)`);
  }
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1');
  }
  return env;
}
