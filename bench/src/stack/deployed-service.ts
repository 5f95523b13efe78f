import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../../../test/support/eventually.js';
import { freePort } from '../../../test/support/free-port.js';
import type { ServiceProcess } from '../../../test/support/service-process.js';
import { repoRoot } from '../../../test/support/stack-env.js';
import { imageNodeEnv } from './image-env.js';

/** The runtime image's NODE_ENV and NODE_OPTIONS, read from the Dockerfile so the bench runs what is deployed. */
const IMAGE_NODE_ENV = imageNodeEnv(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));

/**
 * A restash service started as the image starts it: its ENTRYPOINT `bin/restash <service>` under the
 * image's Node settings, where test/support's startService adds source maps for readable test
 * failures (which cost memory the deployed services do not use). Waits until /readyz says ready.
 */
export async function startDeployedService(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'restash'), name], {
    env: { ...process.env, ...IMAGE_NODE_ENV, HTTP_PORT: String(port), RESTASH_INSTANCE_ID: `${name}-bench-${port}`, LOG_LEVEL: 'info', ...env },
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
  await eventually(async () => (await fetch(service.url('/readyz'))).ok, { timeoutMs: 60_000, what: `${name} ready` }).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  return service;
}
