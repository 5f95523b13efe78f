import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { repoRoot } from './stack-env.js';

/** A restash service started from its build output, as ./dev up starts it. */
export interface ServiceProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output: string[];
  url(path: string): string;
  /** SIGTERM, then the exit code (null if it had to be killed after the timeout). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export async function startService(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, 'services', name, 'dist', 'main.js')], {
    env: { ...process.env, HTTP_PORT: String(port), RESTASH_INSTANCE_ID: `${name}-test-${port}`, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ServiceProcess = {
    name,
    port,
    child,
    output,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  await eventually(async () => (await fetch(service.url('/readyz'))).ok, { timeoutMs: 30_000, what: `${name} ready` }).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  return service;
}
