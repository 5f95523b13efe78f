import { repositoryAccessDenial, type BackupBatch, type Condition, type TargetRef } from '@restash/api';
import { cachedSchedule } from '../schedule/schedule-cache.js';
import type { Schedule } from '../schedule/schedule.js';
import {
  CONDITION_TYPES,
  backendSecretFound,
  backupTargetFound,
  repositoryFound,
  scheduleRegistered,
  validationPassed,
  type Problem,
} from './batch-conditions.js';
import type { BatchFacts } from './batch-facts.js';
import { repositoryRef } from './batch-references.js';
import { memberProblems } from './member-problems.js';

/** The scheduler's view of one batch generation: its conditions, and the schedule to run when it may run. */
export interface BatchVerdict {
  conditions: Condition[];
  memberConditions: Array<{ target: TargetRef; conditions: Condition[] }>;
  /** Set exactly when a timer should run: valid, ready, scheduled and not paused. */
  schedule?: Schedule;
}

/** A label value holds at most 63 characters, and every session carries its batch's name in one. */
const MAX_BATCH_NAME = 63;
const INVALID = 'ResourceValidationFailed';

export function judgeBatch(batch: BackupBatch, facts: BatchFacts): BatchVerdict {
  const namespace = batch.metadata.namespace!;
  const { schedule, problem: scheduleProblem } = readSchedule(batch.spec.schedule);
  const problems = [...specProblems(batch), ...(scheduleProblem ? [scheduleProblem] : [])];
  const denial = facts.repository && repositoryAccessDenial(facts.repository, namespace, facts.namespaceLabels);
  const conditions = [
    repositoryFound(repositoryRef(batch), facts.repository, denial),
    backendSecretFound(denial ? undefined : facts.repository, facts.secretKeys),
    validationPassed(problems),
  ];
  const memberConditions = (batch.spec.members ?? []).map(({ target }, index) => ({
    target: target.ref,
    conditions: [backupTargetFound(target.ref, namespace, facts.targetsFound[index])],
  }));
  const notReady = [...conditions, ...memberConditions.flatMap((member) => member.conditions)]
    .filter((c) => c.status !== 'True')
    .map((c) => c.type);
  const registered = scheduleRegistered(batch.spec.paused, schedule?.text, [...new Set(notReady)]);
  return verdict(batch, [...conditions, registered], memberConditions, registered.status === 'True' ? schedule : undefined);
}

/** A batch whose object does not match the schema: only its ValidationPassed can be told. */
export function judgeMalformedBatch(batch: BackupBatch, errors: readonly string[]): BatchVerdict {
  const notChecked = (type: string): Condition => ({
    type,
    status: 'Unknown',
    reason: INVALID,
    message: 'Not checked: the BackupBatch is malformed.',
  });
  const conditions = [
    notChecked(CONDITION_TYPES.repositoryFound),
    notChecked(CONDITION_TYPES.backendSecretFound),
    validationPassed([invalid(errors.join('; '))]),
    scheduleRegistered(false, undefined, [CONDITION_TYPES.validationPassed]),
  ];
  return verdict(batch, conditions, []);
}

function specProblems(batch: BackupBatch): Problem[] {
  const problems: Problem[] = [];
  if (batch.spec.driver === 'VolumeSnapshotter') {
    problems.push({ reason: 'Unsupported', message: 'spec.driver: VolumeSnapshotter is not supported; use Restic' });
  }
  if ((batch.metadata.name ?? '').length > MAX_BATCH_NAME) {
    problems.push(
      invalid(`metadata.name: at most ${MAX_BATCH_NAME} characters, as sessions carry it in the stash.appscode.com/invoker-name label`),
    );
  }
  return [...problems, ...memberProblems(batch.spec.members ?? []).map(invalid)];
}

function readSchedule(text: string | undefined): { schedule?: Schedule; problem?: Problem } {
  if (!text?.trim()) return {};
  try {
    return { schedule: cachedSchedule(text) };
  } catch (error) {
    return { problem: invalid(`spec.schedule: ${error instanceof Error ? error.message : String(error)}`) };
  }
}

function invalid(message: string): Problem {
  return { reason: INVALID, message };
}

function verdict(
  batch: BackupBatch,
  conditions: Condition[],
  memberConditions: BatchVerdict['memberConditions'],
  schedule?: Schedule,
): BatchVerdict {
  const observedGeneration = batch.metadata.generation;
  const stamp = (list: Condition[]) => list.map((c) => ({ ...c, observedGeneration }));
  return {
    conditions: stamp(conditions),
    memberConditions: memberConditions.map((member) => ({ target: member.target, conditions: stamp(member.conditions) })),
    schedule,
  };
}
