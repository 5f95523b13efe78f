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
  /** Extra environment for every service (e.g. where NATS and Redis are, with credentials). */
  env?: Record<string, string>;
}

/** restash's control plane as `./dev up` runs it: scheduler, status and (by default two) executor replicas. */
export async function startRestashServices({ executors = 2, executorEnv = {}, schedulerEnv = {}, env = {} }: ServiceOptions = {}): Promise<RestashServices> {
  const started = await Promise.all([
    startService('scheduler', { LEADER_LEASE_SECONDS: '3', ...env, ...schedulerEnv }),
    startService('status', env),
    ...Array.from({ length: executors }, () => startService('executor', { RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250', ...env, ...executorEnv })),
  ]);
  const [scheduler, status, ...executorProcesses] = started as [ServiceProcess, ServiceProcess, ...ServiceProcess[]];
  const services: RestashServices = {
    scheduler,
    status,
    executors: executorProcesses,
    // The replicas running now: a test may have replaced the executors it started with.
    async stop() {
      await Promise.all([services.scheduler, services.status, ...services.executors].map((service) => service.stop()));
    },
  };
  return services;
}
