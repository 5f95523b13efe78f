import type { BackupSessionEvent } from '@restash/events';

export interface HookOutcome {
  /** preBackup, postBackup, globalPreBackup, globalPostBackup (and their Restore counterparts). */
  hook: string;
  result: 'succeeded' | 'failed';
}

// Member hooks: PreBackupHookExecutionSucceeded; global hooks: GlobalPreBackupHookSucceeded.
const HOOK_CONDITION = /^(Global)?(Pre|Post)(Backup|Restore)Hook(?:Execution)?Succeeded$/;

/** Pure: the hook execution a published condition reports, if it is a hook's condition. */
export function hookOutcome(event: BackupSessionEvent): HookOutcome | undefined {
  if (event.type !== 'session-condition' && event.type !== 'target-condition') return undefined;
  const match = HOOK_CONDITION.exec(event.condition.type);
  if (!match) return undefined;
  const [, global, when, action] = match;
  const hook = global ? `global${when}${action}` : `${when!.toLowerCase()}${action}`;
  return { hook, result: event.condition.status === 'True' ? 'succeeded' : 'failed' };
}
