import type { PostHookHandler } from '@restash/api';
import { postHookApplies, runHook } from '@restash/hooks';

export type GlobalHookKind = 'preBackup' | 'postBackup' | 'preRestore' | 'postRestore';

/** Records a condition on the session or RestoreBatch: type, whether it holds, reason, message. */
export type RecordCondition = (type: string, ok: boolean, reason: string, message: string) => Promise<void>;

const CONDITION_TYPES: Record<GlobalHookKind, string> = {
  preBackup: 'GlobalPreBackupHookSucceeded',
  postBackup: 'GlobalPostBackupHookSucceeded',
  preRestore: 'GlobalPreRestoreHookSucceeded',
  postRestore: 'GlobalPostRestoreHookSucceeded',
};

/**
 * Runs a global hook (a post hook only when its executionPolicy applies to the members' outcome) and
 * records its condition; returns the failure message, if any.
 */
export async function runGlobalHook(kind: GlobalHookKind, hook: PostHookHandler | undefined, succeeded: boolean, record: RecordCondition): Promise<string | undefined> {
  if (!hook || (kind.startsWith('post') && !postHookApplies(hook, succeeded))) return undefined;
  const type = CONDITION_TYPES[kind];
  try {
    await runHook(hook);
    await record(type, true, 'GlobalHookExecutionSucceeded', `global ${kind} hook succeeded`);
    return undefined;
  } catch (error) {
    const message = `global ${kind} hook failed: ${error instanceof Error ? error.message : String(error)}`;
    await record(type, false, 'GlobalHookExecutionFailed', message);
    return message;
  }
}
