import type { TargetRef } from '@restash/api';

/** Targets are the same member when kind, name and namespace match; apiVersion varies in the wild. */
export function sameTarget(a: TargetRef, b: TargetRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

export function describeTarget(ref: TargetRef): string {
  return `${ref.kind}/${ref.name}`;
}
