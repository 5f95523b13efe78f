import { parseMessage, RunRequestSchema, type RestoreFinished, type RunRequest } from '@restash/events';
import type { DeadLetter } from '@restash/messaging';
import type { RunRequestFailed } from '../session/session-update.js';

/** The session (or RestoreBatch) a dead letter leaves without a run, when the letter is a run request. */
export function runRequestFailure(letter: DeadLetter, at: string): RunRequestFailed | RestoreFinished | undefined {
  const request = runRequest(letter.data);
  if (!request) return undefined;
  const deliveries = letter.deliveries === 1 ? '1 delivery' : `${letter.deliveries} deliveries`;
  const error = `The run request failed after ${deliveries}: ${letter.error}`;
  if (request.kind === 'RestoreBatch') return { type: 'restore-finished', restore: request.object, at, error };
  return { type: 'run-request-failed', session: request.object, at, error };
}

function runRequest(data: string): RunRequest | undefined {
  try {
    return parseMessage(RunRequestSchema, JSON.parse(data), 'run request');
  } catch {
    return undefined;
  }
}
