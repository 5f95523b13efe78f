import { loadNatsTransport } from '@restash/config';
import { restoreEventId, restoreHostSubject, WorkloadRestoreSpecSchema, parseMessage, type RestoreHostResultEvent } from '@restash/events';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging/nats';
import type { Logger } from '@restash/observability';
import { readInjectedFile } from '../agent/repository-file.js';
import { rememberRunSecrets } from '../job/read-run-spec.js';
import { hostRestoreRun } from './host-restore-run.js';
import { lastRestoreResult } from './last-restore-result.js';
import { loadRestoreInitSettings } from './restore-init-settings.js';
import { runHostRestore } from './run-host-restore.js';

/**
 * The entry point of the `stash-init` container: restore this pod's host before the app's containers
 * start, once per RestoreBatch. A host already reported for this RestoreBatch is not restored again
 * (a pod restart must not overwrite newer data): Succeeded lets the app start, Failed keeps it waiting
 * until the injector takes the init container away. Exits 0 only when the host's data is restored.
 */
export async function runRestoreInit(logger: Logger): Promise<number> {
  const settings = loadRestoreInitSettings();
  const spec = rememberRunSecrets(await readInjectedFile(settings.specFile, 'stash-restore', (data) => parseMessage(WorkloadRestoreSpecSchema, data, `restore spec ${settings.specFile}`)));
  const run = hostRestoreRun(spec, settings);
  const log = logger.child({ restore: run.restore.name, namespace: run.restore.namespace, member: `${run.target.kind}/${run.target.name}`, host: run.host });
  const subject = restoreHostSubject(run.restore.uid, run.target, run.host);
  const nats = await NatsConnectionHolder.open(loadNatsTransport(run.natsUrl), `restore-init/${settings.podName}`, log);
  try {
    const previous = await lastRestoreResult(nats, subject);
    if (previous) {
      log.info({ phase: previous.result.phase, error: previous.result.error }, 'this host was already restored for this RestoreBatch; not restoring again');
      return previous.result.phase === 'Succeeded' ? 0 : 1;
    }
    const publisher = new JetStreamPublisher(nats);
    const publish = async (event: RestoreHostResultEvent) => {
      await publisher.publish(subject, event, restoreEventId(event));
    };
    const result = await runHostRestore(run, publish, log);
    return result.phase === 'Succeeded' ? 0 : 1;
  } finally {
    await nats.close();
  }
}
