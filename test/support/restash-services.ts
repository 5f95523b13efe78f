import { startService, type ServiceProcess } from './service-process.js';

export interface RestashServices {
  scheduler: ServiceProcess;
  status: ServiceProcess;
  executors: ServiceProcess[];
  stop(): Promise<void>;
}

export interface ServiceOptions {
  executors?: number;
  /** Extra environment for every executor replica (e.g. GLOBAL_MEMBER_CONCURRENCY). */
  executorEnv?: Record<string, string>;
  schedulerEnv?: Record<string, string>;
}

/** restash's control plane as `./dev up` runs it: scheduler, status and (by default two) executor replicas. */
export async function startRestashServices({ executors = 2, executorEnv = {}, schedulerEnv = {} }: ServiceOptions = {}): Promise<RestashServices> {
  const started = await Promise.all([
    startService('scheduler', { LEADER_LEASE_SECONDS: '3', ...schedulerEnv }),
    startService('status'),
    ...Array.from({ length: executors }, () => startService('executor', { RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250', ...executorEnv })),
  ]);
  const [scheduler, status, ...executorProcesses] = started as [ServiceProcess, ServiceProcess, ...ServiceProcess[]];
  return {
    scheduler,
    status,
    executors: executorProcesses,
    async stop() {
      await Promise.all(started.map((service) => service.stop()));
    },
  };
}
