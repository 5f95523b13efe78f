import type { DeadLetter } from '@restash/messaging';
import { runRequestFailure } from './run-request-failure.js';

const AT = '2026-03-01T10:00:00Z';
const object = { namespace: 'demo', name: 'batch-1', uid: 'u1' };
const letter = (data: unknown): DeadLetter => ({
  consumer: 'executor-restash-runs-backup',
  subject: 'restash.runs.backup',
  deliveries: 5,
  error: 'restic: repository is locked',
  data: typeof data === 'string' ? data : JSON.stringify(data),
});

describe('runRequestFailure', () => {
  it('fails the session a dead-lettered BackupSession run request names', () => {
    expect(runRequestFailure(letter({ kind: 'BackupSession', object, requestedAt: AT }), AT)).toEqual({
      type: 'run-request-failed',
      session: object,
      at: AT,
      error: 'The run request failed after 5 deliveries: restic: repository is locked',
    });
  });

  it('fails the RestoreBatch a dead-lettered RestoreBatch run request names', () => {
    expect(runRequestFailure(letter({ kind: 'RestoreBatch', object, requestedAt: AT }), AT)).toEqual({
      type: 'restore-finished',
      restore: object,
      at: AT,
      error: 'The run request failed after 5 deliveries: restic: repository is locked',
    });
  });

  it('leaves other letters alone', () => {
    expect(runRequestFailure(letter({ type: 'host-result', session: object }), AT)).toBeUndefined();
    expect(runRequestFailure(letter('not json {'), AT)).toBeUndefined();
  });
});
