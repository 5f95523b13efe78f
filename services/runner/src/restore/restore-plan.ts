import type { RestoreRule } from '@restash/api';
import type { Snapshot } from '@restash/restic';

export const LATEST = 'latest';

/** One `restic restore` (or, for a database, one dump) a host's rule asks for. */
export interface PlannedRestore {
  snapshot: Pick<Snapshot, 'id' | 'shortId' | 'hostname' | 'paths'>;
  /** Restrict the restore to these patterns (`--include`); empty restores the whole snapshot. */
  include: string[];
  exclude: string[];
}

/** The rules ask for something the repository does not hold; the message says what, for the host's result. */
export class SnapshotSelectionError extends Error {
  override name = 'SnapshotSelectionError';
}

/**
 * Pure: the rule that decides what a host gets (API.md): the first whose `targetHosts` is empty or
 * names the host. No rules at all means the host's own latest snapshots; rules that all name other
 * hosts leave this host alone (undefined).
 */
export function ruleForHost(rules: readonly RestoreRule[], host: string): RestoreRule | undefined {
  if (rules.length === 0) return {};
  return rules.find((rule) => !rule.targetHosts?.length || rule.targetHosts.includes(host));
}

/**
 * Pure: the snapshots a host restores by its rule. `sourceHost` (default: the host itself) chooses
 * whose snapshots `latest` means; `snapshots` are ids (full or short) or `latest` (the default):
 * the latest snapshot of each path the source host backed up, or of each of `paths` when given.
 * `paths` narrow a snapshot to those paths; `include`/`exclude` go to restic as they are.
 */
export function selectSnapshots(rule: RestoreRule, host: string, snapshots: readonly Snapshot[], repository: string): PlannedRestore[] {
  const sourceHost = rule.sourceHost || host;
  const wanted = rule.snapshots?.length ? rule.snapshots : [LATEST];
  const chosen = wanted.flatMap((id) => (id === LATEST ? latestOf(snapshots, sourceHost, rule.paths, repository) : [byId(snapshots, id, rule.paths, repository)]));
  return chosen.map(({ snapshot, paths }) => ({
    snapshot,
    include: rule.include?.length ? rule.include : paths,
    exclude: rule.exclude ?? [],
  }));
}

interface Chosen {
  snapshot: Snapshot;
  /** The paths to restore from it; empty means all of it. */
  paths: string[];
}

function byId(snapshots: readonly Snapshot[], id: string, paths: readonly string[] | undefined, repository: string): Chosen {
  const snapshot = snapshots.find((candidate) => candidate.id.startsWith(id) || candidate.shortId === id);
  if (!snapshot) throw new SnapshotSelectionError(`snapshot ${id} not found in repository ${repository}`);
  return { snapshot, paths: [...(paths ?? [])] };
}

function latestOf(snapshots: readonly Snapshot[], sourceHost: string, paths: readonly string[] | undefined, repository: string): Chosen[] {
  const own = snapshots.filter((snapshot) => snapshot.hostname === sourceHost).sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  if (own.length === 0) throw new SnapshotSelectionError(`no snapshot of host ${sourceHost} in repository ${repository}`);
  if (!paths?.length) return latestPerPathSet(own);
  const chosen = new Map<string, Chosen>();
  for (const path of paths) {
    const snapshot = own.find((candidate) => candidate.paths.some((backedUp) => covers(backedUp, path)));
    if (!snapshot) throw new SnapshotSelectionError(`no snapshot of host ${sourceHost} holds ${path} in repository ${repository}`);
    const entry = chosen.get(snapshot.id) ?? { snapshot, paths: [] };
    if (!snapshot.paths.includes(path)) entry.paths.push(path);
    chosen.set(snapshot.id, entry);
  }
  return [...chosen.values()];
}

/** The newest snapshot of each set of paths (one backup makes one snapshot per path), newest first. */
function latestPerPathSet(newestFirst: readonly Snapshot[]): Chosen[] {
  const seen = new Set<string>();
  return newestFirst.flatMap((snapshot) => {
    const key = [...snapshot.paths].sort().join('\0');
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ snapshot, paths: [] }];
  });
}

function covers(backedUp: string, path: string): boolean {
  const base = backedUp.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`);
}
