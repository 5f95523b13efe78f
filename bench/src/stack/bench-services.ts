import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceProcess } from '../../../test/support/service-process.js';
import { startDeployedService } from './deployed-service.js';
import type { WatchedProcess } from './memory-sampler.js';

/**
 * restash's control plane for a benchmark, as the image and the Helm chart run it: every setting at its
 * default, the executors with restash's image name so the local node runs their Jobs.
 */
export interface BenchServices {
  scheduler: ServiceProcess;
  status: ServiceProcess;
  executors: ServiceProcess[];
  injector?: ServiceProcess;
  /** Every service process, named for the memory report (`executor-1`, `executor-2`…). */
  processes(): WatchedProcess[];
  stop(): Promise<void>;
}

const EXECUTOR_ENV = { RESTASH_IMAGE: 'restash:dev' };

export async function startBenchServices({ executors, injector = false }: { executors: number; injector?: boolean }): Promise<BenchServices> {
  const [scheduler, status, injectorProcess, executorProcesses] = await Promise.all([
    startDeployedService('scheduler'),
    startDeployedService('status'),
    injector ? startDeployedService('injector') : undefined,
    Promise.all(Array.from({ length: executors }, () => startDeployedService('executor', EXECUTOR_ENV))),
  ]);
  const all = [scheduler, status, ...(injectorProcess ? [injectorProcess] : []), ...executorProcesses];
  return {
    scheduler,
    status,
    executors: executorProcesses,
    injector: injectorProcess,
    processes: () => [
      { name: 'scheduler', pid: scheduler.child.pid! },
      { name: 'status', pid: status.child.pid! },
      ...(injectorProcess ? [{ name: 'injector', pid: injectorProcess.child.pid! }] : []),
      ...executorProcesses.map((executor, index) => ({ name: `executor-${index + 1}`, pid: executor.child.pid! })),
    ],
    async stop() {
      await Promise.all(all.map((service) => service.stop()));
      await keepLogs(all);
    },
  };
}

/** With BENCH_LOG_DIR set, each service's output is kept there (`<service>-<pid>.log`), to see what a benchmark's services did. */
async function keepLogs(processes: readonly ServiceProcess[]): Promise<void> {
  const dir = process.env['BENCH_LOG_DIR'];
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await Promise.all(processes.map((service) => writeFile(join(dir, `${service.name}-${service.child.pid}.log`), service.output.join(''))));
}
