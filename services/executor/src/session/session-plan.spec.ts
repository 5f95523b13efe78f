import type { BackupBatchSpec, BackupMember } from '@restash/api';
import { nextStep, planMembers, type MemberOutcome } from './session-plan.js';

const member = (alias: string, kind = 'AppBinding', dependsOn?: string[]): BackupMember => ({
  target: { alias, ref: { apiVersion: 'apps/v1', kind, name: alias } },
  ...(dependsOn && { dependsOn }),
});
const spec = (members: BackupMember[], executionOrder?: 'Parallel' | 'Sequential'): BackupBatchSpec => ({
  retentionPolicy: { name: 'keep', keepLast: 1, prune: false },
  members,
  ...(executionOrder && { executionOrder }),
});
const keys = (members: Array<{ key: string }>) => members.map((m) => m.key);

describe('planMembers and nextStep', () => {
  it('starts every member at once in Parallel order', () => {
    const plan = planMembers(spec([member('db'), member('pg'), member('files', 'PersistentVolumeClaim')]));
    expect(keys(nextStep(plan, new Set(), new Map()).start)).toEqual(['db', 'pg', 'files']);
    expect(plan.map((m) => m.model)).toEqual(['job', 'job', 'job']);
  });

  it('runs Sequential members strictly one after another, even past a failure', () => {
    const plan = planMembers(spec([member('a'), member('b'), member('c', 'Deployment')], 'Sequential'));
    expect(keys(nextStep(plan, new Set(), new Map()).start)).toEqual(['a']);
    expect(keys(nextStep(plan, new Set([0]), new Map()).start)).toEqual([]);
    const afterFailure = nextStep(plan, new Set([0]), new Map<number, MemberOutcome>([[0, 'Failed']]));
    expect(keys(afterFailure.start)).toEqual(['b']);
    expect(afterFailure.blocked).toEqual([]);
    expect(plan[2]!.model).toBe('sidecar');
  });

  it('waits for dependsOn members and blocks dependents of a failed member', () => {
    const plan = planMembers(spec([member('app', 'Deployment', ['db']), member('db'), member('report', 'AppBinding', ['app'])]));
    expect(keys(nextStep(plan, new Set(), new Map()).start)).toEqual(['db']);
    expect(keys(nextStep(plan, new Set([1]), new Map<number, MemberOutcome>([[1, 'Succeeded']])).start)).toEqual(['app']);
    const failed = nextStep(plan, new Set([1]), new Map<number, MemberOutcome>([[1, 'Failed']]));
    expect(failed.start).toEqual([]);
    expect(failed.blocked.map((b) => [b.member.key, b.reason])).toEqual([['app', 'not run: member db it depends on failed']]);
  });

  it('names members without an alias by position and rejects unknown or cyclic dependencies', () => {
    expect(keys(planMembers(spec([{ target: { ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'x' } } }])))).toEqual(['member-0']);
    expect(() => planMembers(spec([member('a', 'AppBinding', ['zzz'])]))).toThrow('member a depends on unknown member "zzz"');
    expect(() => planMembers(spec([member('a', 'AppBinding', ['b']), member('b', 'AppBinding', ['a'])]))).toThrow('dependsOn forms a cycle: a → b → a');
  });
});
