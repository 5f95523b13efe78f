import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

/** One sample of an instant query: the series' labels and its value. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface PromAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
}

export interface PrometheusOptions {
  /** Scrape jobs: job name → `host:port` targets (scraped at /metrics). */
  jobs: Record<string, string[]>;
  ruleFiles: string[];
  /** Scrape and rule evaluation interval; default 1s. */
  intervalSeconds?: number;
}

/** Debian's Prometheus, run from a temp dir on a free port, and its HTTP API. */
export interface PrometheusServer {
  url: string;
  output: string[];
  /** An instant query, now or at `at` (seconds since the epoch). */
  query(expr: string, at?: number): Promise<PromSample[]>;
  alerts(): Promise<PromAlert[]>;
  labelValues(label: string, match: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Pure: the prometheus.yml for the options. */
export function prometheusConfig({ jobs, ruleFiles, intervalSeconds = 1 }: PrometheusOptions): string {
  const interval = `${intervalSeconds}s`;
  return stringify({
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    rule_files: ruleFiles,
    scrape_configs: Object.entries(jobs).map(([job, targets]) => ({ job_name: job, static_configs: [{ targets }] })),
  });
}

export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusServer> {
  const dir = await makeTempDir('prometheus');
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  await writeFile(config, prometheusConfig(options));
  const child = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${url}/-/ready`)).ok, { timeoutMs: 30_000, what: 'Prometheus ready' }).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  return {
    url,
    output,
    query: (expr, at) => instantQuery(url, expr, at),
    alerts: async () => (await api<{ alerts: PromAlert[] }>(`${url}/api/v1/alerts`)).alerts,
    labelValues: (label, match) => api<string[]>(`${url}/api/v1/label/${label}/values?${new URLSearchParams({ 'match[]': match })}`),
    stop: () => stop(child, dir),
  };
}

async function instantQuery(url: string, expr: string, at?: number): Promise<PromSample[]> {
  const form = new URLSearchParams({ query: expr, ...(at !== undefined && { time: String(at) }) });
  const data = await api<{ resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(`${url}/api/v1/query`, form);
  if (data.resultType !== 'vector') throw new Error(`expected an instant vector from ${expr}, got a ${data.resultType}`);
  return data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
}

async function api<T>(url: string, form?: URLSearchParams): Promise<T> {
  const response = await fetch(url, form ? { method: 'POST', body: form } : {});
  const body = (await response.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(`Prometheus: ${body.error ?? response.statusText} (${url})`);
  return body.data;
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await removeTempDir(dir);
}
