import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { Manifest } from './manifests.js';
import { repoRoot } from './stack-env.js';

const run = promisify(execFile);

export const CHART_DIR = join(repoRoot, 'deploy', 'helm', 'restash');

/** helm as ./dev install builds it (.cache/bin/helm), else HELM or helm on PATH. */
export function helmBinary(): string {
  if (process.env['HELM']) return process.env['HELM'];
  const cached = join(process.env['RESTASH_BIN_DIR'] ?? join(repoRoot, '.cache', 'bin'), 'helm');
  return existsSync(cached) ? cached : 'helm';
}

export interface RenderOptions {
  release: string;
  namespace: string;
  /** `--set` values, e.g. { 'executor.replicas': '3' }. */
  set?: Record<string, string>;
  includeCrds?: boolean;
}

/** `helm template` of deploy/helm/restash, as text. */
export async function renderChartText({ release, namespace, set = {}, includeCrds = false }: RenderOptions): Promise<string> {
  const args = ['template', release, CHART_DIR, '--namespace', namespace, ...(includeCrds ? ['--include-crds'] : [])];
  for (const [key, value] of Object.entries(set)) args.push('--set', `${key}=${value}`);
  const { stdout } = await run(helmBinary(), args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The objects of a YAML stream (empty documents dropped). */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest)
    .filter((object) => object && object.kind);
}

export async function renderChart(options: RenderOptions): Promise<Manifest[]> {
  return parseManifests(await renderChartText(options));
}
