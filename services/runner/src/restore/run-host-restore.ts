import type { HostRestoreResult, RestoreHostResultEvent, RestoreRunSpec } from '@restash/events';
import type { Logger } from '@restash/observability';
import { Restic } from '@restash/restic';
import { restoreHost } from './restore-host.js';

/** Delivers a host's restore result to the status service (a JetStream publish on the host's own subject). */
export type RestoreResultPublisher = (event: RestoreHostResultEvent) => Promise<void>;

/** Pure: the status event reporting one host's restore. */
export function restoreResultEvent(run: Pick<RestoreRunSpec, 'restore' | 'target'>, result: HostRestoreResult, now: Date): RestoreHostResultEvent {
  return { type: 'restore-host-result', restore: run.restore, target: run.target, result, finishedAt: now.toISOString() };
}

/**
 * The work of every restore runner (a Job pod, a `stash-init` container): restore the host from its
 * member repository by the rules and report the result. The restore's own failure is a Failed
 * result; only a failure to report rejects.
 */
export async function runHostRestore(run: RestoreRunSpec, publish: RestoreResultPublisher, logger: Logger): Promise<HostRestoreResult> {
  const log = logger.child({ runId: run.runId, restore: run.restore.name, namespace: run.restore.namespace, member: `${run.target.kind}/${run.target.name}`, host: run.host });
  log.info({ repository: run.repository.restic.redactedUrl, rules: run.rules }, 'restore starting');
  const restic = new Restic(run.repository.restic, { cacheDir: process.env['RESTIC_CACHE_DIR'] });
  const result = await restoreHost(restic, run.source, run.host, run.rules);
  await publish(restoreResultEvent(run, result, new Date()));
  log.info({ phase: result.phase, error: result.error, duration: result.duration }, 'restore finished');
  return result;
}
