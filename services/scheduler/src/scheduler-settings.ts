import { EnvReader } from '@restash/config';

/** Scheduler knobs, from its environment. */
export interface SchedulerSettings {
  /** Where the leader Lease lives (RESTASH_NAMESPACE). */
  leaseNamespace: string;
  /** The Lease's duration; the leader renews it every third of it (LEADER_LEASE_SECONDS). */
  leaseDurationSeconds: number;
  /** Only batches and sessions of this namespace (WATCH_NAMESPACE); undefined: every namespace. */
  watchNamespace: string | undefined;
  /** How far back a new leader creates sessions for missed slots, and how late a slot may still be created (CATCH_UP_WINDOW_SECONDS). */
  catchUpWindowMs: number;
  /** At most this many missed slots per batch are caught up; 0 turns catch-up off (CATCH_UP_MAX_SLOTS). */
  catchUpMaxSlots: number;
  /** Every batch is validated again this often, for changes no watch reports: Secrets, targets (REVALIDATE_SECONDS). */
  revalidateIntervalMs: number;
  /**
   * BackupSessions created at once when many batches share a slot (SESSION_CREATE_CONCURRENCY): each
   * create mostly waits for the API server, which takes them in parallel.
   */
  sessionCreateConcurrency: number;
}

export const SCHEDULER_SETTINGS = Symbol('SCHEDULER_SETTINGS');

export const LEASE_NAME = 'restash-scheduler';

export function loadSchedulerSettings(env = new EnvReader()): SchedulerSettings {
  return {
    leaseNamespace: env.string('RESTASH_NAMESPACE', 'default'),
    leaseDurationSeconds: env.integer('LEADER_LEASE_SECONDS', 15, { min: 1, max: 3600 }),
    watchNamespace: env.optionalString('WATCH_NAMESPACE'),
    catchUpWindowMs: env.integer('CATCH_UP_WINDOW_SECONDS', 600, { min: 60, max: 7 * 24 * 3600 }) * 1000,
    catchUpMaxSlots: env.integer('CATCH_UP_MAX_SLOTS', 10, { min: 0, max: 1000 }),
    revalidateIntervalMs: env.integer('REVALIDATE_SECONDS', 30, { min: 1 }) * 1000,
    sessionCreateConcurrency: env.integer('SESSION_CREATE_CONCURRENCY', 64, { min: 1, max: 1000 }),
  };
}
