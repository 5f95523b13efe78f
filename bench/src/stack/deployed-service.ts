import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startService, type ServiceProcess } from '../../../test/support/service-process.js';
import { repoRoot } from '../../../test/support/stack-env.js';
import { imageNodeEnv } from './image-env.js';

/** The runtime image's NODE_ENV and NODE_OPTIONS, read from the Dockerfile so the bench runs what is deployed. */
const IMAGE_NODE_ENV = imageNodeEnv(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));

/**
 * A restash service started as the image starts it: its ENTRYPOINT `bin/restash <service>` under the
 * image's Node settings, where the tests' startService adds source maps for readable test failures
 * (which cost memory the deployed services do not use). Waits until /readyz says ready.
 */
export function startDeployedService(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startService(name, env, { launch: { nodeArgs: [join(repoRoot, 'bin', 'restash'), name], env: IMAGE_NODE_ENV, tag: 'bench' }, readyTimeoutMs: 60_000 });
}
