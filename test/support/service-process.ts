import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { repoRoot } from './stack-env.js';

/** A restash service started from its build output, as ./dev up starts it. */
export interface ServiceProcess {
  name: string;
  /** The environment it was started with beyond the stack's (to start it again the same way). */
  env: Record<string, string>;
  port: number;
  child: ChildProcess;
  output: string[];
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  url(path: string): string;
  /** SIGTERM, then the exit code (null if it had to be killed after the timeout). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts a service and waits until /readyz says it is ready (failing with its output if it never is). */
export async function startService(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const service = await spawnService(name, env);
  await eventually(async () => (await fetch(service.url('/readyz'))).ok, { timeoutMs: 30_000, what: `${name} ready` }).catch((error: Error) => {
    service.child.kill('SIGKILL');
    throw new Error(`${error.message}\n${service.output.join('')}`);
  });
  return service;
}

/** Starts a service without waiting for it to be ready (for tests of a service that must not become ready). */
export async function spawnService(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
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
    env,
    port,
    child,
    output,
    exited,
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
  return service;
}

/** Kills a service outright (SIGKILL: no shutdown hooks run, as in a crash) and starts it again the same way. */
export async function crashAndRestart(service: ServiceProcess): Promise<ServiceProcess> {
  service.child.kill('SIGKILL');
  await service.exited;
  return startService(service.name, service.env);
}
