import type { BackupBatch } from '@restash/api';
import { memberConditionEvent, memberConditionMessageId, statusShowsVerdict } from './member-condition.js';

const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' };
const batch = (shown?: { status: 'True' | 'False'; message: string; observedGeneration?: number }): BackupBatch => ({
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupBatch',
  metadata: { name: 'wp', namespace: 'demo', uid: 'u1', generation: 3 },
  spec: { retentionPolicy: { name: 'keep', prune: false }, members: [{ target: { ref: target } }] },
  ...(shown && { status: { memberConditions: [{ target, conditions: [{ type: 'StashSidecarInjected', reason: 'x', ...shown }] }] } }),
});
const workload = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'demo', name: 'wordpress', uid: 'w1' };
const injected = { injected: true, message: 'stash sidecar injected into Deployment demo/wordpress' };

describe('the StashSidecarInjected member condition', () => {
  it('is an event for the batch generation with the workload to record an Event on', () => {
    const b = batch();
    const event = memberConditionEvent({ batch: b, member: b.spec.members![0]! }, injected, workload, new Date('2026-01-01T00:00:00Z'));
    expect(event).toEqual({
      type: 'member-condition',
      batch: { namespace: 'demo', name: 'wp', uid: 'u1' },
      generation: 3,
      target,
      workload,
      condition: { type: 'StashSidecarInjected', status: 'True', reason: 'SidecarInjectionSucceeded', message: injected.message, lastTransitionTime: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('is not published again once the status shows it for this generation', () => {
    expect(statusShowsVerdict(batch(), target, injected)).toBe(false);
    expect(statusShowsVerdict(batch({ status: 'True', message: injected.message }), target, injected)).toBe(true);
    expect(statusShowsVerdict(batch({ status: 'True', message: injected.message, observedGeneration: 2 }), target, injected)).toBe(false);
    expect(statusShowsVerdict(batch({ status: 'False', message: 'not found' }), target, injected)).toBe(false);
  });

  it('gets one message id per verdict and shown status, so a verdict that returns is published anew', () => {
    const b = batch();
    const event = (verdict: typeof injected, at: string) => memberConditionEvent({ batch: b, member: b.spec.members![0]! }, verdict, workload, new Date(at));
    const first = memberConditionMessageId(b, event(injected, '2026-01-01T00:00:00Z'));
    expect(first).toMatch(/^u1:member-condition:Deployment\/demo\/wordpress:StashSidecarInjected:3:[0-9a-f]{16}$/);
    expect(memberConditionMessageId(b, event(injected, '2026-01-01T00:05:00Z'))).toBe(first);
    const afterFalse = batch({ status: 'False', message: 'not found' });
    expect(memberConditionMessageId(afterFalse, event(injected, '2026-01-01T00:10:00Z'))).not.toBe(first);
  });
});
