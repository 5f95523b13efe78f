// Node module hooks that do for bench/ what jest.config.js does for tests: SWC transpiles .ts files
// on load (with the repository's .swcrc), `./x.js` imports find `./x.ts`, and `@restash/<lib>`
// resolves to libs/<lib>/src/index.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformFile } from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

export async function resolve(specifier, context, nextResolve) {
  const lib = /^@restash\/([a-z-]+)$/.exec(specifier);
  if (lib) return { url: pathToFileURL(join(root, 'libs', lib[1], 'src', 'index.ts')).href, shortCircuit: true };
  const parent = context.parentURL;
  if (parent?.endsWith('.ts') && /^\.{1,2}\/.*\.js$/.test(specifier)) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), parent);
    if (existsSync(typescript)) return { url: typescript.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transformFile(file, { ...swcrc, swcrc: false, filename: file, sourceMaps: 'inline' });
  return { format: 'module', source: code, shortCircuit: true };
}
