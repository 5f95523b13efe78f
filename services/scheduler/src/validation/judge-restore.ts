import { repositoryAccessDenial, type Condition, type RestoreBatch, type TargetRef } from '@restash/api';
import { backendSecretFound, repositoryFound, restoreTargetFound, validationPassed, type Problem } from './batch-conditions.js';
import type { BatchFacts } from './batch-facts.js';
import { repositoryRef } from './batch-references.js';
import { memberProblems } from './member-problems.js';

/** The scheduler's view of a RestoreBatch before it runs: its conditions, and why it cannot run, if it cannot. */
export interface RestoreVerdict {
  conditions: Condition[];
  memberConditions: Array<{ target: TargetRef; conditions: Condition[] }>;
  /** Set when a condition is not True: the RestoreBatch is Invalid, with this message. */
  invalid?: string;
}

const INVALID = 'ResourceValidationFailed';

/**
 * Pure: whether a RestoreBatch can run, in the BackupBatch's terms: its Repository is found and may be
 * used, its backend Secret holds a password, its members are valid (at least one, supported kinds,
 * unique aliases; the Restic driver), and each member's target exists (RestoreTargetFound).
 */
export function judgeRestore(restore: RestoreBatch, facts: BatchFacts): RestoreVerdict {
  const namespace = restore.metadata.namespace!;
  const denial = facts.repository && repositoryAccessDenial(facts.repository, namespace, facts.namespaceLabels);
  const conditions = [
    repositoryFound(repositoryRef(restore), facts.repository, denial),
    backendSecretFound(denial ? undefined : facts.repository, facts.secretKeys),
    validationPassed(specProblems(restore), 'RestoreBatch'),
  ];
  const memberConditions = (restore.spec.members ?? []).map(({ target }, index) => ({
    target: target.ref,
    conditions: [restoreTargetFound(target.ref, namespace, facts.targetsFound[index])],
  }));
  return { conditions, memberConditions, ...invalidity([...conditions, ...memberConditions.flatMap((member) => member.conditions)]) };
}

/** Pure: the verdict on a RestoreBatch whose object does not match the schema. */
export function judgeMalformedRestore(errors: readonly string[]): RestoreVerdict {
  const conditions = [validationPassed([{ reason: INVALID, message: errors.join('; ') }], 'RestoreBatch')];
  return { conditions, memberConditions: [], ...invalidity(conditions) };
}

function specProblems(restore: RestoreBatch): Problem[] {
  const driver: Problem[] = restore.spec.driver === 'VolumeSnapshotter' ? [{ reason: 'Unsupported', message: 'spec.driver: VolumeSnapshotter is not supported; use Restic' }] : [];
  return [...driver, ...memberProblems(restore.spec.members ?? []).map((message) => ({ reason: INVALID, message }))];
}

function invalidity(conditions: readonly Condition[]): { invalid?: string } {
  const failing = conditions.filter((condition) => condition.status !== 'True');
  if (failing.length === 0) return {};
  const stated = failing.filter((condition) => condition.status === 'False');
  return { invalid: (stated.length > 0 ? stated : failing).map((condition) => condition.message).join(' ') };
}
