import { targetModel, type BackupMember, type ExecutionOrder, type TargetModel, type TargetRef } from '@restash/api';

export type MemberOutcome = 'Succeeded' | 'Failed';

/** What planning reads of a member: a BackupBatch's or a RestoreBatch's. */
export interface PlanMember {
  target: { alias?: string; ref: TargetRef };
  dependsOn?: string[];
}

/** One member of a session (or a restore) and what must happen before it may start. */
export interface PlannedMember<M extends PlanMember = BackupMember> {
  index: number;
  /** The alias, or `member-<index>` when the manifest gives none. */
  key: string;
  member: M;
  model: TargetModel | undefined;
  /** Members that must have finished first (Sequential order): their outcome does not matter. */
  after: number[];
  /** Members that must have succeeded first (`dependsOn`): if one failed, this member is not run. */
  requires: number[];
}

export class PlanError extends Error {
  override name = 'PlanError';
}

/** Pure: the members of a batch as a graph of runs, in the order and with the dependencies the spec asks for. */
export function planMembers<M extends PlanMember>(spec: { members?: M[]; executionOrder?: ExecutionOrder }): Array<PlannedMember<M>> {
  const members = spec.members ?? [];
  const indexByKey = new Map(members.map((member, index) => [memberKey(member, index), index]));
  const planned = members.map((member, index) => ({
    index,
    key: memberKey(member, index),
    member,
    model: targetModel(member.target.ref.kind),
    after: spec.executionOrder === 'Sequential' && index > 0 ? [index - 1] : [],
    requires: (member.dependsOn ?? []).map((alias) => {
      const dependency = indexByKey.get(alias);
      if (dependency === undefined) throw new PlanError(`member ${memberKey(member, index)} depends on unknown member "${alias}"`);
      return dependency;
    }),
  }));
  assertAcyclic(planned);
  return planned;
}

export function memberKey(member: PlanMember, index: number): string {
  return member.target.alias ?? `member-${index}`;
}

export interface NextStep<M extends PlanMember = BackupMember> {
  /** Members whose prerequisites are met: start them now. */
  start: Array<PlannedMember<M>>;
  /** Members that will never run because a required member failed, with the reason. */
  blocked: Array<{ member: PlannedMember<M>; reason: string }>;
}

/** Pure: given what has started and finished, which members start now and which can no longer run. */
export function nextStep<M extends PlanMember>(plan: ReadonlyArray<PlannedMember<M>>, started: ReadonlySet<number>, finished: ReadonlyMap<number, MemberOutcome>): NextStep<M> {
  const step: NextStep<M> = { start: [], blocked: [] };
  for (const member of plan) {
    if (started.has(member.index) || finished.has(member.index)) continue;
    const failed = member.requires.find((index) => finished.get(index) === 'Failed');
    if (failed !== undefined) {
      step.blocked.push({ member, reason: `not run: member ${plan[failed]!.key} it depends on failed` });
      continue;
    }
    const ready = [...member.after, ...member.requires].every((index) => finished.has(index));
    if (ready) step.start.push(member);
  }
  return step;
}

function assertAcyclic<M extends PlanMember>(plan: Array<PlannedMember<M>>): void {
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (member: PlannedMember<M>, path: string[]): void => {
    if (state.get(member.index) === 'done') return;
    if (state.get(member.index) === 'visiting') throw new PlanError(`dependsOn forms a cycle: ${[...path, member.key].join(' → ')}`);
    state.set(member.index, 'visiting');
    for (const dependency of [...member.after, ...member.requires]) visit(plan[dependency]!, [...path, member.key]);
    state.set(member.index, 'done');
  };
  for (const member of plan) visit(member, []);
}
