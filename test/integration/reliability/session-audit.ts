import type { BackupSession } from '@restash/api';

/** Slots of one batch compared with its schedule: the slots missing between the first and the last, and those seen twice. */
export interface SlotAudit {
  lost: number[];
  doubled: number[];
}

/** Pure: every slot from the first to the last, `intervalSeconds` apart, must appear exactly once. */
export function auditSlots(slots: readonly number[], intervalSeconds: number): SlotAudit {
  const sorted = [...slots].sort((a, b) => a - b);
  const doubled = sorted.filter((slot, index) => index > 0 && sorted[index - 1] === slot);
  const present = new Set(sorted);
  const lost: number[] = [];
  for (let slot = sorted[0]!; sorted.length > 0 && slot <= sorted.at(-1)!; slot += intervalSeconds) {
    if (!present.has(slot)) lost.push(slot);
  }
  return { lost, doubled };
}

export interface RunInterval {
  /** What ran: e.g. the member's key. */
  what: string;
  /** Which run: e.g. the session's name. */
  run: string;
  start: number;
  end: number;
}

/** Pure: pairs of runs of the same thing whose time intervals overlap. */
export function overlappingRuns(intervals: readonly RunInterval[]): Array<[RunInterval, RunInterval]> {
  const pairs: Array<[RunInterval, RunInterval]> = [];
  const sorted = [...intervals].sort((a, b) => a.what.localeCompare(b.what) || a.start - b.start);
  sorted.forEach((interval, index) => {
    for (const later of sorted.slice(index + 1)) {
      if (later.what !== interval.what || later.start >= interval.end) break;
      pairs.push([interval, later]);
    }
  });
  return pairs;
}

/** Why a session that did not succeed ended so: its skip or error messages, its failed conditions, its failed hosts' errors. */
export function failureReasons(session: BackupSession): string[] {
  const status = session.status ?? {};
  const conditions = [...(status.conditions ?? []), ...(status.targets ?? []).flatMap((target) => target.conditions ?? [])];
  const telling = conditions.filter((c) => c.type === 'BackupSkipped' || c.status === 'False' || c.reason === 'ExecutionFailed' || c.reason === 'RunRequestFailed');
  const failedHosts = (status.targets ?? []).flatMap((target) => (target.stats ?? []).filter((host) => host.phase === 'Failed'));
  return [...telling.map((c) => c.message ?? ''), ...failedHosts.map((host) => host.error ?? '')].filter((message) => message.length > 0);
}
