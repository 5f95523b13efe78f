import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { repoRoot } from './stack-env.js';

/** A restash service started from its build output, as ./dev up starts it. */
export interface ServiceProcess {
  name: string;
  /** The environment it was started with beyond the stack's, and how it was launched (to start it again the same way). */
  env: Record<string, string>;
  launch: ServiceLaunch;
  port: number;
  child: ChildProcess;
  output: string[];
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  url(path: string): string;
  /** SIGTERM, then the exit code (null if it had to be killed after the timeout). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** How a service's process is started: Node's arguments, and environment that goes under the caller's. */
export interface ServiceLaunch {
  nodeArgs: string[];
  env?: Record<string, string>;
  /** Marks the instance id (`<service>-<tag>-<port>`). */
  tag: string;
}

/** From its build output with source maps, for readable test failures. */
function testLaunch(name: string): ServiceLaunch {
  return { nodeArgs: ['--enable-source-maps', join(repoRoot, 'services', name, 'dist', 'main.js')], tag: 'test' };
}

export interface StartOptions {
  launch?: ServiceLaunch;
  readyTimeoutMs?: number;
}

/** Starts a service and waits until /readyz says it is ready (failing with its output if it never is). */
export async function startService(name: string, env: Record<string, string> = {}, { launch, readyTimeoutMs = 30_000 }: StartOptions = {}): Promise<ServiceProcess> {
  const service = await spawnService(name, env, launch);
  await eventually(async () => (await fetch(service.url('/readyz'))).ok, { timeoutMs: readyTimeoutMs, what: `${name} ready` }).catch((error: Error) => {
    service.child.kill('SIGKILL');
    throw new Error(`${error.message}\n${service.output.join('')}`);
  });
  return service;
}

/** Starts a service without waiting for it to be ready (for tests of a service that must not become ready). */
export async function spawnService(name: string, env: Record<string, string> = {}, launch: ServiceLaunch = testLaunch(name)): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, launch.nodeArgs, {
    env: { ...process.env, ...launch.env, HTTP_PORT: String(port), RESTASH_INSTANCE_ID: `${name}-${launch.tag}-${port}`, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ServiceProcess = {
    name,
    env,
    launch,
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
  return startService(service.name, service.env, { launch: service.launch });
}
