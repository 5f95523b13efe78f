import { EnvReader, type ServiceConfig } from '@restash/config';
import { runnerNatsSecretData } from '@restash/messaging';

/** Executor knobs, from its environment. */
export interface ExecutorSettings {
  /** restash's own image: runner Jobs and sidecars run it. */
  image: string;
  /** Sessions orchestrated at once by one replica (they mostly wait). */
  sessionConcurrency: number;
  /** Member runs driven at once by one replica. */
  memberConcurrency: number;
  /** Member runs at once across all replicas; unset = no cluster-wide limit. */
  globalMemberConcurrency: number | undefined;
  /** How often a running member Job's runner pod (then the Job) is read besides the runner pod watch (RunnerPodWatch). */
  jobPollMs: number;
  /** The Secret entries giving runner Jobs this executor's NATS credentials and TLS files (read once at start). */
  runnerNats: Record<string, string>;
}

export const EXECUTOR_SETTINGS = Symbol('EXECUTOR_SETTINGS');

export function loadExecutorSettings(config: ServiceConfig, env = new EnvReader()): ExecutorSettings {
  const global = env.integer('GLOBAL_MEMBER_CONCURRENCY', 0, { min: 0 });
  return {
    image: env.string('RESTASH_IMAGE', 'ghcr.io/restash/restash:latest'),
    sessionConcurrency: env.integer('SESSION_CONCURRENCY', 100, { min: 1 }),
    memberConcurrency: env.integer('MEMBER_CONCURRENCY', 4, { min: 1 }),
    globalMemberConcurrency: global > 0 ? global : undefined,
    jobPollMs: env.integer('JOB_POLL_MS', 2000, { min: 50 }),
    runnerNats: runnerNatsSecretData(config.nats),
  };
}
