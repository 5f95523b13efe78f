import type { KubeClient } from '@restash/kube';
import { createSession } from '../../../test/support/backup-fixture.js';
import type { SessionWatch } from '../stack/session-watch.js';
import type { DataSet } from './data-set.js';

const RUN_TIMEOUT_MS = 20 * 60 * 1000;

/** An instant backup of the batch through the stack: from creating its BackupSession to seeing it Succeeded; returns the seconds it took. */
export async function backUpThroughRestash(kube: KubeClient, watch: SessionWatch, data: DataSet, session: string): Promise<number> {
  const { namespace } = data.fixture;
  const started = Date.now();
  await createSession(kube, namespace, data.batch, session);
  await watch.waitForFinal([session], RUN_TIMEOUT_MS);
  const final = watch.finalSeen.get(session)!;
  if (final.phase !== 'Succeeded') {
    throw new Error(`BackupSession ${session} ended ${final.phase}: ${JSON.stringify(watch.get(namespace, session)?.status)}`);
  }
  return (final.at - started) / 1000;
}
