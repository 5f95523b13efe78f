import type { BackupSession } from '@restash/api';

/** Stash's label naming the BackupBatch a session belongs to. */
export const INVOKER_NAME_LABEL = 'stash.appscode.com/invoker-name';

/** The batch a session belongs to: its label, or the invoker in its spec for a session created without labels. */
export function invokerOf(session: BackupSession): string {
  return session.metadata.labels?.[INVOKER_NAME_LABEL] ?? session.spec.invoker.name;
}
