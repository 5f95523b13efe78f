import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const stackDir = join(repoRoot, '.stack');

/** Parses .stack/env (KEY=VALUE lines written by ./dev up). */
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
