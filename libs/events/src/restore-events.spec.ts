import { restoreEventId } from './event-ids.js';
import { restoreEventSubject, restoreHostSubject } from './restore-host-subject.js';
import { parseMessage } from './parse-message.js';
import { RestoreBatchEventSchema, type RestoreBatchEvent } from './restore-events.js';

const restore = { namespace: 'demo', name: 'restore-1', uid: 'r1' };
const target = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db.v2' };

describe('restore events', () => {
  it('publish a host result on the host’s own subject, everything else on the restore subject', () => {
    expect(restoreHostSubject('r1', target, 'node-1.local')).toBe('restash.status.restore-batch.r1.statefulset.db~v2.node-1~local');
    const result: RestoreBatchEvent = { type: 'restore-host-result', restore, target, finishedAt: 'a', result: { hostname: 'host-0', phase: 'Succeeded' } };
    expect(restoreEventSubject(result)).toBe('restash.status.restore-batch.r1.statefulset.db~v2.host-0');
    expect(restoreEventSubject({ type: 'restore-finished', restore, at: 'a' })).toBe('restash.status.restore-batch');
  });

  it('give a host result one message id whoever reports it, and a changed condition a new one', () => {
    const result = (phase: 'Succeeded' | 'Failed', finishedAt: string): RestoreBatchEvent => ({ type: 'restore-host-result', restore, target, finishedAt, result: { hostname: 'host-1', phase } });
    expect(restoreEventId(result('Succeeded', 'a'))).toBe(restoreEventId(result('Failed', 'b')));
    expect(restoreEventId(result('Succeeded', 'a'))).toBe('r1:restore-host-result:StatefulSet/db.v2:host-1');
    const condition = (status: 'True' | 'False', message: string): RestoreBatchEvent => ({ type: 'member-condition', restore, target, condition: { type: 'StashInitContainerInjected', status, message } });
    expect(restoreEventId(condition('True', 'injected'))).toBe(restoreEventId(condition('True', 'injected')));
    expect(new Set([condition('False', 'no Repository'), condition('False', 'no Secret'), condition('True', 'injected')].map(restoreEventId)).size).toBe(3);
  });

  it('are checked against their contract', () => {
    expect(() => parseMessage(RestoreBatchEventSchema, { type: 'restore-host-result', restore, target, finishedAt: 'a', result: { hostname: 'host-0', phase: 'Running' } }, 'restore event')).toThrow(/^invalid restore event/);
  });
});
