import { SUBJECTS, sessionEventId } from '@restash/events';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { Restic, type RepositoryStats } from '@restash/restic';
import { backupHost } from '../backup/backup-host.js';
import { hostResultEvent } from './host-result-event.js';
import { readRunSpec } from './read-run-spec.js';

/**
 * The one-shot entry point of a member Job: back up, report the host's result on NATS, and exit 0
 * only when the backup succeeded (so the Job's own status tells the executor too).
 */
export async function runMemberJob(logger: Logger): Promise<number> {
  const spec = readRunSpec();
  const log = logger.child({ runId: spec.runId, session: spec.session.name, namespace: spec.session.namespace, member: `${spec.target.kind}/${spec.target.name}`, host: spec.host });
  log.info({ repository: spec.repository.restic.redactedUrl }, 'backup starting');
  const restic = new Restic(spec.repository.restic, { cacheDir: process.env['RESTIC_CACHE_DIR'] });
  const outcome = await backupHost(restic, spec.source, spec.host, spec.retention);
  const stats = outcome.result.phase === 'Succeeded' ? await repositoryStats(restic, log) : undefined;
  const event = hostResultEvent(spec, outcome, stats, new Date());
  const nats = await NatsConnectionHolder.open(spec.natsUrl, `runner/${spec.runId}`, log);
  try {
    await new JetStreamPublisher(nats).publish(SUBJECTS.sessionStatus, event, sessionEventId(event));
  } finally {
    await nats.close();
  }
  log.info({ phase: outcome.result.phase, error: outcome.result.error, duration: outcome.result.duration }, 'backup finished');
  return outcome.result.phase === 'Succeeded' ? 0 : 1;
}

async function repositoryStats(restic: Restic, log: Logger): Promise<RepositoryStats | undefined> {
  try {
    return await restic.stats({ mode: 'raw-data' });
  } catch (error) {
    log.warn({ err: error }, 'could not read repository stats');
    return undefined;
  }
}
