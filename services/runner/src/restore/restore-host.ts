import type { RestoreRule } from '@restash/api';
import { formatDuration } from '@restash/api';
import { restoreDatabase } from '@restash/databases';
import type { HostRestoreResult, RestoreSource } from '@restash/events';
import type { Restic } from '@restash/restic';
import { ruleForHost, selectSnapshots, type PlannedRestore } from './restore-plan.js';

/**
 * Restores one host of one member from its restic repository by the member's rules: files back to
 * the paths they were backed up from, a database from its `dumpfile.sql` snapshot. Never throws: a
 * failure becomes a Failed result with restic's, the database's or the selection's own error text.
 */
export async function restoreHost(restic: Restic, source: RestoreSource, host: string, rules: readonly RestoreRule[]): Promise<HostRestoreResult> {
  const started = Date.now();
  const took = () => formatDuration(Date.now() - started);
  try {
    const rule = ruleForHost(rules, host);
    if (rule) {
      const planned = selectSnapshots(rule, host, await restic.snapshots(), restic.repository.redactedUrl);
      for (const restore of planned) await restoreOne(restic, source, restore);
    }
    return { hostname: host, phase: 'Succeeded', duration: took() };
  } catch (error) {
    return { hostname: host, phase: 'Failed', duration: took(), error: error instanceof Error ? error.message : String(error) };
  }
}

async function restoreOne(restic: Restic, source: RestoreSource, { snapshot, include, exclude }: PlannedRestore): Promise<void> {
  if (source.type === 'database') await restoreDatabase(restic, source.connection, { snapshot: snapshot.id });
  else await restic.restore({ snapshot: snapshot.id, target: '/', include, exclude });
}
