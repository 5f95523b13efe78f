import { parseMessage, RunRequestSchema, type RunRequest } from '@restash/events';
import type { DeadLetter } from '@restash/messaging';
import type { RunRequestFailed } from '../session/session-update.js';

/** The session a dead letter leaves without a run, when the letter is a BackupSession run request. */
export function runRequestFailure(letter: DeadLetter, at: string): RunRequestFailed | undefined {
  const request = backupRunRequest(letter.data);
  if (!request) return undefined;
  const deliveries = letter.deliveries === 1 ? '1 delivery' : `${letter.deliveries} deliveries`;
  return { type: 'run-request-failed', session: request.object, at, error: `The run request failed after ${deliveries}: ${letter.error}` };
}

function backupRunRequest(data: string): RunRequest | undefined {
  try {
    const request = parseMessage(RunRequestSchema, JSON.parse(data), 'run request');
    return request.kind === 'BackupSession' ? request : undefined;
  } catch {
    return undefined;
  }
}
