import { SUPPORTED_TARGET_KINDS, isSupportedTargetKind, type TargetRef } from '@restash/api';

/** What the checks read of a member, a BackupBatch's or a RestoreBatch's. */
type Member = { target: { alias?: string; ref: TargetRef }; dependsOn?: string[] };

/** What keeps a batch's members from running, one message each; empty when they can. */
export function memberProblems(members: readonly Member[]): string[] {
  if (members.length === 0) return ['spec.members is empty: a batch needs at least one member'];
  return [...unsupportedKinds(members), ...duplicateAliases(members), ...dependencyProblems(members)];
}

function unsupportedKinds(members: readonly Member[]): string[] {
  return members.flatMap(({ target }, index) =>
    isSupportedTargetKind(target.ref.kind)
      ? []
      : [`spec.members[${index}].target.ref.kind: ${target.ref.kind} is not supported (use ${SUPPORTED_TARGET_KINDS.join(', ')})`],
  );
}

function duplicateAliases(members: readonly Member[]): string[] {
  const firstIndex = new Map<string, number>();
  return members.flatMap(({ target }, index) => {
    if (!target.alias) return [];
    const first = firstIndex.get(target.alias);
    if (first === undefined) {
      firstIndex.set(target.alias, index);
      return [];
    }
    return [`spec.members[${index}].target.alias: "${target.alias}" is already the alias of spec.members[${first}]`];
  });
}

function dependencyProblems(members: readonly Member[]): string[] {
  const graph = new Map(members.filter((m) => m.target.alias).map((m) => [m.target.alias!, m.dependsOn ?? []]));
  const unknown = members.flatMap((member, index) =>
    (member.dependsOn ?? [])
      .filter((alias) => !graph.has(alias))
      .map((alias) => `spec.members[${index}].dependsOn: no member has the alias "${alias}"`),
  );
  const cycle = findCycle(graph);
  return cycle ? [...unknown, `spec.members[].dependsOn: members depend on each other in a cycle (${cycle.join(' → ')})`] : unknown;
}

/** A dependency cycle as the aliases along it (first repeated at the end), or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (alias: string, path: string[]): string[] | undefined => {
    const start = path.indexOf(alias);
    if (start >= 0) return [...path.slice(start), alias];
    if (done.has(alias) || !graph.has(alias)) return undefined;
    for (const next of graph.get(alias)!) {
      const cycle = visit(next, [...path, alias]);
      if (cycle) return cycle;
    }
    done.add(alias);
    return undefined;
  };
  for (const alias of graph.keys()) {
    const cycle = visit(alias, []);
    if (cycle) return cycle;
  }
  return undefined;
}
