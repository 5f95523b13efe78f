import { nextStep, type MemberOutcome, type PlanMember, type PlannedMember } from './session-plan.js';

export interface PlanRun<M extends PlanMember> {
  /** Runs one member to its outcome (through the member queue, bounded by its limits). */
  start(member: PlannedMember<M>): Promise<MemberOutcome>;
  /** Records a member that will never run, with the reason. */
  block(member: PlannedMember<M>, reason: string): Promise<void>;
}

/**
 * Runs a plan's members as their order allows: each as soon as the members before it finished
 * (Sequential) or succeeded (dependsOn), all at once otherwise. Resolves with every member's outcome.
 */
export async function runPlan<M extends PlanMember>(plan: ReadonlyArray<PlannedMember<M>>, run: PlanRun<M>): Promise<Map<number, MemberOutcome>> {
  const started = new Set<number>();
  const finished = new Map<number, MemberOutcome>();
  const running = new Map<number, Promise<[number, MemberOutcome]>>();
  while (finished.size < plan.length) {
    const step = nextStep(plan, started, finished);
    for (const { member, reason } of step.blocked) {
      await run.block(member, reason);
      finished.set(member.index, 'Failed');
    }
    for (const member of step.start) {
      started.add(member.index);
      running.set(member.index, run.start(member).then((outcome) => [member.index, outcome] as [number, MemberOutcome]));
    }
    if (running.size === 0) continue;
    const [index, outcome] = await Promise.race(running.values());
    running.delete(index);
    finished.set(index, outcome);
  }
  return finished;
}
