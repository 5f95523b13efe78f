import { loadNatsTransport } from '@restash/config';
import { SUBJECTS, sessionEventId, type HostResult } from '@restash/events';
import type { Logger } from '@restash/observability';
import { runHostBackup } from '../backup/run-host-backup.js';
import { ProgressChannel } from '../progress/progress-channel.js';
import { publishOnce } from './publish-once.js';
import { readRunSpec } from './read-run-spec.js';

/**
 * The one-shot entry point of a member Job: back up, report the host's result on NATS, and exit 0
 * only when the backup succeeded (so the Job's own status tells the executor too).
 */
export async function runMemberJob(logger: Logger): Promise<number> {
  const spec = readRunSpec();
  // NATS_USER/NATS_PASSWORD, NATS_TLS_* come from the run's Secret; a missing file fails the run before it starts.
  const nats = loadNatsTransport(spec.natsUrl);
  const publish = (event: HostResult) => publishOnce(nats, `runner/${spec.runId}`, SUBJECTS.sessionStatus, event, sessionEventId(event), logger);
  const progress = new ProgressChannel(nats, `runner/${spec.runId}/progress`, logger);
  const outcome = await runHostBackup(spec, publish, logger, progress.send).finally(() => progress.close());
  return outcome.result.phase === 'Succeeded' ? 0 : 1;
}
