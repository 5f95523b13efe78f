import { SUBJECTS, sessionEventId, type HostResult } from '@restash/events';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { runHostBackup } from '../backup/run-host-backup.js';
import { readRunSpec } from './read-run-spec.js';

/**
 * The one-shot entry point of a member Job: back up, report the host's result on NATS, and exit 0
 * only when the backup succeeded (so the Job's own status tells the executor too).
 */
export async function runMemberJob(logger: Logger): Promise<number> {
  const spec = readRunSpec();
  const publish = async (event: HostResult) => {
    const nats = await NatsConnectionHolder.open(spec.natsUrl, `runner/${spec.runId}`, logger);
    try {
      await new JetStreamPublisher(nats).publish(SUBJECTS.sessionStatus, event, sessionEventId(event));
    } finally {
      await nats.close();
    }
  };
  const outcome = await runHostBackup(spec, publish, logger);
  return outcome.result.phase === 'Succeeded' ? 0 : 1;
}
