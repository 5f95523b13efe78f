// Compiles every workspace package's src/ to dist/ (ESM, decorator metadata) with SWC.
// Type checking is separate: `pnpm typecheck`.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

async function* sourceFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

async function buildPackage(pkgDir) {
  const src = join(pkgDir, 'src');
  const dist = join(pkgDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  let count = 0;
  for await (const file of sourceFiles(src)) {
    const out = join(dist, relative(src, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, { ...swcrc, swcrc: false, filename: file, sourceFileName: relative(dirname(out), file) });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    count++;
  }
  return count;
}

const workspaces = ['libs', 'services'];
const packages = [join(root, 'test', 'local-node')];
for (const ws of workspaces) {
  for (const entry of await readdir(join(root, ws), { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) packages.push(join(root, ws, entry.name));
  }
}
let total = 0;
for (const pkg of packages) {
  const exists = await readdir(join(pkg, 'src')).then(() => true, () => false);
  if (exists) total += await buildPackage(pkg);
}
console.log(`built ${total} files in ${packages.length} packages`);
