import { loadNatsTransport } from '@restash/config';
import { restoreEventId, restoreHostSubject, type RestoreHostResultEvent } from '@restash/events';
import type { Logger } from '@restash/observability';
import { runHostRestore } from '../restore/run-host-restore.js';
import { publishOnce } from './publish-once.js';
import { readRestoreRunSpec } from './read-run-spec.js';

/**
 * The one-shot entry point of a restore Job (a PVC or a database member): restore, report the host's
 * result on its subject, and exit 0 only when the restore succeeded.
 */
export async function runRestoreJob(logger: Logger): Promise<number> {
  const spec = readRestoreRunSpec();
  const nats = loadNatsTransport(spec.natsUrl);
  const publish = (event: RestoreHostResultEvent) =>
    publishOnce(nats, `runner/${spec.runId}`, restoreHostSubject(spec.restore.uid, spec.target, spec.host), event, restoreEventId(event), logger);
  const result = await runHostRestore(spec, publish, logger);
  return result.phase === 'Succeeded' ? 0 : 1;
}
