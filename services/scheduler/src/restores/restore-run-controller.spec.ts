import { verdictEvents } from './restore-run-controller.js';

const restore = { namespace: 'demo', name: 'restore-1', uid: 'r1' };
const target = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' };
const now = new Date('2026-03-01T10:00:00Z');

describe('verdictEvents', () => {
  it('reports the conditions of a RestoreBatch that can run, and nothing more', () => {
    const events = verdictEvents(restore, { conditions: [{ type: 'ValidationPassed', status: 'True' }], memberConditions: [{ target, conditions: [{ type: 'RestoreTargetFound', status: 'True' }] }] }, now);
    expect(events).toEqual([
      { type: 'restore-condition', restore, condition: { type: 'ValidationPassed', status: 'True', lastTransitionTime: '2026-03-01T10:00:00.000Z' } },
      { type: 'member-condition', restore, target, condition: { type: 'RestoreTargetFound', status: 'True', lastTransitionTime: '2026-03-01T10:00:00.000Z' } },
    ]);
  });

  it('finishes an invalid one, Invalid with the reason', () => {
    const events = verdictEvents(restore, { conditions: [{ type: 'RepositoryFound', status: 'False' }], memberConditions: [], invalid: 'Repository demo/repo does not exist.' }, now);
    expect(events.at(-1)).toEqual({ type: 'restore-finished', restore, at: '2026-03-01T10:00:00.000Z', error: 'Repository demo/repo does not exist.', invalid: true });
  });
});
