import { distribution, type Distribution } from '../figures/percentiles.js';
import type { WriteCounts } from '../stack/apiserver-writes.js';

/** What one throughput round saw: when it started, when each session was seen final, each host's result latency, the API server's writes. */
export interface RoundObservation {
  executors: number;
  sessions: number;
  membersPerSession: number;
  /** Just before the first BackupSession was created (ms since the epoch). */
  startedAt: number;
  /** When the watch saw each session final. */
  finalSeenAt: number[];
  /** Per host result: from the agent publishing it to the watch seeing it in the session's status (ms). */
  visibilityMs: number[];
  /** Writes the API server answered during the round. */
  writes: WriteCounts;
}

export interface RoundFigures {
  executors: number;
  memberRuns: number;
  elapsedSeconds: number;
  memberRunsPerSecond: number;
  /** From the round's start to each session seen final (s). */
  sessionSeconds: Distribution;
  visibilityMs: Distribution;
  /** `.status` writes of the sessions, per session. */
  statusWritesPerSession: number;
  /** Every write restash made on the sessions' account (status, Events, history deletes, other statuses), per session. */
  restashWritesPerSession: number;
  /** Every kind of write seen, per session, and whether restash made it on a session's account. */
  writeKinds: Array<{ kind: string; perSession: number; restash: boolean }>;
}

const STATUS_WRITE = /^(PUT|PATCH|APPLY) backupsessions\/status$/;
/** restash's own writes: its custom resources (not the bench's session creates), their statuses, Events, runner Secrets and Jobs. */
const RESTASH_WRITE = /^(?:(PUT|PATCH|APPLY|DELETE) (backupsessions|backupbatches|repositories)(\/status)?|(POST|PUT|PATCH) events|(POST|DELETE) (secrets|jobs))$/;

/** Pure: whether a write kind (`<verb> <resource>[/<subresource>]`) is restash's work for sessions; leases, node and pod updates are not. */
export function isRestashWrite(kind: string): boolean {
  return RESTASH_WRITE.test(kind);
}

/** Pure: the figures of one round. */
export function roundFigures(round: RoundObservation): RoundFigures {
  const memberRuns = round.sessions * round.membersPerSession;
  const elapsedSeconds = (Math.max(...round.finalSeenAt) - round.startedAt) / 1000;
  const perSession = (count: number) => count / round.sessions;
  const kinds = [...round.writes].sort(([a], [b]) => a.localeCompare(b));
  const sum = (test: (kind: string) => boolean) => kinds.filter(([kind]) => test(kind)).reduce((total, [, count]) => total + count, 0);
  return {
    executors: round.executors,
    memberRuns,
    elapsedSeconds,
    memberRunsPerSecond: memberRuns / elapsedSeconds,
    sessionSeconds: distribution(round.finalSeenAt.map((at) => (at - round.startedAt) / 1000)),
    visibilityMs: distribution(round.visibilityMs),
    statusWritesPerSession: perSession(sum((kind) => STATUS_WRITE.test(kind))),
    restashWritesPerSession: perSession(sum(isRestashWrite)),
    writeKinds: kinds.map(([kind, count]) => ({ kind, perSession: perSession(count), restash: isRestashWrite(kind) })),
  };
}
