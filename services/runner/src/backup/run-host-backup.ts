import type { HostResult, MemberRunSpec } from '@restash/events';
import type { Logger } from '@restash/observability';
import { Restic, type RepositoryStats } from '@restash/restic';
import { ProgressReporter, type ProgressSender } from '../progress/progress-reporter.js';
import { backupHost, type HostBackupOutcome } from './backup-host.js';
import { hostResultEvent } from './host-result-event.js';

/** One host of one member to back up: what the Job runner's spec and an agent's request + repository file both give. */
export type HostBackupRun = Pick<MemberRunSpec, 'runId' | 'session' | 'target' | 'host' | 'repository' | 'source' | 'retention' | 'clearLocks'> & {
  /** When nobody waits for the result any more (an agent request's expiry): restic still running then is interrupted. */
  deadline?: string;
};

/** Delivers the host's result to the status service (a JetStream publish with the event's id). */
export type ResultPublisher = (event: HostResult) => Promise<void>;

/**
 * The work of every runner: back the host up into its member repository, read the repository's
 * numbers after a success, and report the host result. The backup's own failure is a Failed result;
 * only a failure to report rejects. With `progress`, restic's percent done goes there as it runs.
 */
export async function runHostBackup(run: HostBackupRun, publish: ResultPublisher, logger: Logger, progress?: ProgressSender): Promise<HostBackupOutcome> {
  const log = logger.child({
    runId: run.runId,
    session: run.session.name,
    namespace: run.session.namespace,
    member: `${run.target.kind}/${run.target.name}`,
    host: run.host,
  });
  log.info({ repository: run.repository.restic.redactedUrl }, 'backup starting');
  const restic = new Restic(run.repository.restic, { cacheDir: process.env['RESTIC_CACHE_DIR'], deadline: run.deadline ? new Date(run.deadline) : undefined });
  const outcome = await backupHost(restic, run, {
    progress: progress && new ProgressReporter(run, progress),
    onLocksRemoved: (locks) => {
      for (const lock of locks) log.warn({ lock }, 'removed a restic lock left by a runner that ended');
    },
  });
  const stats = outcome.result.phase === 'Succeeded' ? await repositoryStats(restic, log) : undefined;
  await publish(hostResultEvent(run, outcome, stats, new Date()));
  log.info({ phase: outcome.result.phase, error: outcome.result.error, duration: outcome.result.duration }, 'backup finished');
  return outcome;
}

async function repositoryStats(restic: Restic, log: Logger): Promise<RepositoryStats | undefined> {
  try {
    return await restic.stats({ mode: 'raw-data' });
  } catch (error) {
    log.warn({ err: error }, 'could not read repository stats');
    return undefined;
  }
}
