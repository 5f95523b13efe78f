import type { Handler, PostHookHandler } from '@restash/api';
import { postHookApplies, runHook, type HookContext } from '@restash/hooks';
import type { RecordCondition } from '../session/global-hook.js';

export type HookKind = 'preBackup' | 'postBackup' | 'preRestore' | 'postRestore';

/** Stash's condition type and reasons for a member's hook. */
export const HOOK_CONDITIONS: Record<HookKind, { type: string; succeeded: string; failed: string }> = {
  preBackup: { type: 'PreBackupHookExecutionSucceeded', succeeded: 'SuccessfullyExecutedPreBackupHook', failed: 'FailedToExecutePreBackupHook' },
  postBackup: { type: 'PostBackupHookExecutionSucceeded', succeeded: 'SuccessfullyExecutedPostBackupHook', failed: 'FailedToExecutePostBackupHook' },
  preRestore: { type: 'PreRestoreHookExecutionSucceeded', succeeded: 'SuccessfullyExecutedPreRestoreHook', failed: 'FailedToExecutePreRestoreHook' },
  postRestore: { type: 'PostRestoreHookExecutionSucceeded', succeeded: 'SuccessfullyExecutedPostRestoreHook', failed: 'FailedToExecutePostRestoreHook' },
};

/** Records a hook's condition from its outcome: `failure` is the reason it failed, undefined when it succeeded. */
export function recordHookCondition(kind: HookKind, failure: string | undefined, successMessage: string, record: RecordCondition): Promise<void> {
  const { type, succeeded, failed } = HOOK_CONDITIONS[kind];
  return failure === undefined ? record(type, true, succeeded, successMessage) : record(type, false, failed, failure);
}

/** Runs a job-model member's hook (http/tcp as written, no pod) and records its condition; returns why it failed, if it did. */
export async function runMemberHook(kind: HookKind, hook: Handler, record: RecordCondition, context?: HookContext): Promise<string | undefined> {
  let failure: string | undefined;
  try {
    await runHook(hook, context);
  } catch (error) {
    failure = `${kind} hook failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  await recordHookCondition(kind, failure, `${kind} hook succeeded`, record);
  return failure;
}

/** A job-model member's pre hook, if it has one: its failure fails the member's host (`failHost`) before any data is touched. Returns whether the member goes on. */
export async function runPreHook(kind: 'preBackup' | 'preRestore', hook: Handler | undefined, record: RecordCondition, failHost: (reason: string) => Promise<void>): Promise<boolean> {
  if (!hook) return true;
  const failure = await runMemberHook(kind, hook, record);
  if (failure) await failHost(failure);
  return failure === undefined;
}

/** A job-model member's post hook, if it has one and its executionPolicy applies to the member's outcome. */
export async function runPostHook(kind: 'postBackup' | 'postRestore', hook: PostHookHandler | undefined, succeeded: boolean, record: RecordCondition): Promise<void> {
  if (hook && postHookApplies(hook, succeeded)) await runMemberHook(kind, hook, record);
}
