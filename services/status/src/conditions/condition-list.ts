import type { Condition } from '@restash/api';

export function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/**
 * The list with `condition` set by type, in place when present. The transition time moves only
 * when the status changes, so repeating a condition leaves the list as it was.
 */
export function setCondition(conditions: readonly Condition[] | undefined, condition: Condition, now: string): Condition[] {
  const list = conditions ?? [];
  const existing = findCondition(list, condition.type);
  const unchangedSince = existing?.status === condition.status ? existing.lastTransitionTime : undefined;
  const next: Condition = { ...condition, lastTransitionTime: unchangedSince ?? condition.lastTransitionTime ?? now };
  return existing ? list.map((item) => (item === existing ? next : item)) : [...list, next];
}

export function setConditions(conditions: readonly Condition[] | undefined, updates: readonly Condition[], now: string): Condition[] {
  return updates.reduce<Condition[]>((list, condition) => setCondition(list, condition, now), [...(conditions ?? [])]);
}
