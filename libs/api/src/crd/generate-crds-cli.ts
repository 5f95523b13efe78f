// Writes or checks deploy/crds from the schemas in libs/api.
//   node libs/api/dist/crd/generate-crds-cli.js write|check [--dir <path>]
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDrift, staleGeneratedFiles } from './crd-drift.js';
import { renderCrdFiles } from './crd-files.js';

// Same depth from src/crd and dist/crd: libs/api/<src|dist>/crd → repository root.
const DEFAULT_DIR = fileURLToPath(new URL('../../../../deploy/crds/', import.meta.url));

async function write(dir: string): Promise<void> {
  const files = renderCrdFiles();
  await mkdir(dir, { recursive: true });
  for (const name of await staleGeneratedFiles(dir, files)) await rm(join(dir, name));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  console.log(`wrote ${files.size} files to ${relative(process.cwd(), dir) || '.'}`);
}

async function check(dir: string): Promise<boolean> {
  const drift = await findDrift(dir, renderCrdFiles());
  for (const { file, problem } of drift) console.error(`${join(relative(process.cwd(), dir), file)}: ${problem}`);
  if (drift.length > 0) {
    console.error('CRDs are out of date: run `pnpm build && pnpm crds write` and commit the result.');
    return false;
  }
  console.log('CRDs are up to date');
  return true;
}

function dirArgument(args: string[]): string {
  const index = args.indexOf('--dir');
  const value = index >= 0 ? args[index + 1] : undefined;
  return value ? resolve(value) : DEFAULT_DIR;
}

const [command, ...rest] = process.argv.slice(2);
const dir = dirArgument(rest);
if (command === 'write') await write(dir);
else if (command === 'check') process.exitCode = (await check(dir)) ? 0 : 1;
else {
  console.error('usage: generate-crds-cli.js write|check [--dir <path>]');
  process.exitCode = 2;
}
