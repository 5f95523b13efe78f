export interface ForgetResult {
  /** Full ids of the snapshots forgotten (or, in a dry run, that would be). */
  removed: string[];
  kept: string[];
}

interface ForgetGroup {
  keep?: Array<{ id: string }> | null;
  remove?: Array<{ id: string }> | null;
}

/**
 * Pure: `restic forget --json` stdout. The JSON is one line; with --prune, prune's text report
 * follows it, and when nothing matched restic prints no JSON at all.
 */
export function parseForgetOutput(stdout: string): ForgetResult {
  const json = stdout.split('\n').find((line) => line.startsWith('['));
  const groups = json ? (JSON.parse(json) as ForgetGroup[]) : [];
  return {
    removed: groups.flatMap((group) => (group.remove ?? []).map((snapshot) => snapshot.id)),
    kept: groups.flatMap((group) => (group.keep ?? []).map((snapshot) => snapshot.id)),
  };
}
