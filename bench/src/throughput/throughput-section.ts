import type { Distribution } from '../figures/percentiles.js';
import type { ResultSection } from '../report/result-section.js';
import { milliseconds, perSecond, seconds, times } from '../report/units.js';
import type { RoundFigures } from './round-figures.js';

/** Pure: benchmark 3's section from its measured rounds (1 executor, then 2). */
export function throughputSection(
  [one, two]: readonly RoundFigures[],
  visibilityMs: Distribution,
  { sessions, members }: { sessions: number; members: number },
  meta: Pick<ResultSection, 'machine' | 'measuredAt'>,
): ResultSection {
  if (!one || !two) throw new Error('the throughput section needs the 1-executor and the 2-executor round');
  const speedUp = two.memberRunsPerSecond / one.memberRunsPerSecond;
  const writeLimit = 2 * members + 2;
  return {
    id: 'throughput',
    title: '3. Orchestration throughput with a trivial member',
    command: './dev bench throughput',
    ...meta,
    figures: [
      { name: 'member runs per second, 1 executor', shown: perSecond(one.memberRunsPerSecond) },
      { name: 'member runs per second, 2 executors', shown: perSecond(two.memberRunsPerSecond) },
      { name: '2 executors / 1 executor', shown: times(speedUp), value: speedUp, target: { bound: 'min', value: 1.7, text: '≥ 1.7×' } },
      {
        name: `API-server status writes per session (${members} members)`,
        shown: Math.max(one.statusWritesPerSession, two.statusWritesPerSession).toFixed(2),
        value: Math.max(one.statusWritesPerSession, two.statusWritesPerSession),
        target: { bound: 'max', value: writeLimit, text: `≤ ${writeLimit} (2 per member + 2)` },
      },
      { name: 'all API-server writes restash makes per session', shown: Math.max(one.restashWritesPerSession, two.restashWritesPerSession).toFixed(2), note: 'status writes + Events + history deletes, see below' },
      {
        name: `member's end → its result visible in the session, p99 of ${visibilityMs.count} (p50 ${milliseconds(visibilityMs.p50)}, max ${milliseconds(visibilityMs.max)})`,
        shown: milliseconds(visibilityMs.p99),
        value: visibilityMs.p99,
        target: { bound: 'max', value: 500, text: '≤ 500 ms' },
      },
    ],
    tables: [
      {
        title: 'Rounds',
        columns: ['executors', 'member runs', 'time', 'member runs/s', 'session done p50 / p99', 'result visible p50 / p99 / max', 'status writes/session', 'all restash writes/session'],
        rows: [one, two].map((round) => [
          String(round.executors),
          String(round.memberRuns),
          seconds(round.elapsedSeconds),
          perSecond(round.memberRunsPerSecond),
          `${seconds(round.sessionSeconds.p50)} / ${seconds(round.sessionSeconds.p99)}`,
          `${milliseconds(round.visibilityMs.p50)} / ${milliseconds(round.visibilityMs.p99)} / ${milliseconds(round.visibilityMs.max)}`,
          round.statusWritesPerSession.toFixed(2),
          round.restashWritesPerSession.toFixed(2),
        ]),
      },
      {
        title: 'Every write the API server answered during the 2-executor round, per session',
        columns: ['write', 'per session', "restash's, on the sessions' account"],
        rows: two.writeKinds.map((kind) => [kind.kind, kind.perSession.toFixed(2), kind.restash ? 'yes' : 'no']),
      },
    ],
    notes: [
      `Each round creates one instant backup (BackupSession) for each of ${sessions} BackupBatches at once; each batch has ${members} \`Sequential\` members. A warm-up round with 2 executors runs first (its figures are not reported), so every measured session finds one finished predecessor to clean up, as a scheduled batch does.`,
      "The trivial member: a Deployment whose pod has a container named `stash` (an image the local node leaves idle), so the executor runs it as a sidecar-model member (reads the workload and its pods, records BackupExecutorEnsured and target-started, publishes the host's run request on its real subject, waits for the result in the session's status). The bench's NoopAgent takes the run request from that subject through the same JetStream transport the agent uses and publishes `Succeeded` at once. A real runner would spend its time in restic (each restic command derives the repository key with scrypt, about 0.4 s of CPU here, and a member runs five of them), which is benchmark 1's subject, not orchestration's.",
      "Services run as the image runs them (`bin/restash <service>` with the Dockerfile's `NODE_ENV` and `NODE_OPTIONS`) with every setting at its default: `MEMBER_CONCURRENCY=4` per executor, the executor reads a waiting member's session every `AGENT_RESULT_POLL_MS=1000`.",
      "Writes are the API server's own count (`apiserver_request_total` of POST/PUT/PATCH/DELETE, every response code) from the first create until every session was marked BackupHistoryCleaned; the bench's own session creates and other components' writes (leases, node and pod status) are listed but not counted.",
      "Visibility: from the NoopAgent publishing a host's result to the bench's watch seeing it in the session's `status.targets[].stats`, over the host results of both measured rounds.",
    ],
  };
}
