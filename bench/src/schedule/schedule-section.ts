import type { Distribution } from '../figures/percentiles.js';
import type { ResultSection } from '../report/result-section.js';
import { milliseconds, seconds } from '../report/units.js';

/** Pure: benchmark 2's section. */
export function scheduleSection(
  lags: Distribution,
  created: { p50?: number; p99?: number },
  cpu: { apiserver: number; scheduler: number },
  { batches, registeredAfterSeconds }: { batches: number; registeredAfterSeconds: number },
  meta: Pick<ResultSection, 'machine' | 'measuredAt'>,
): ResultSection {
  return {
    id: 'schedule',
    title: `2. Schedule precision: ${batches.toLocaleString('en')} BackupBatches firing in the same slot`,
    command: './dev bench schedule',
    ...meta,
    figures: [
      { name: 'slot → BackupSession seen, p50', shown: milliseconds(lags.p50) },
      { name: 'slot → BackupSession seen, p99', shown: milliseconds(lags.p99), value: lags.p99, target: { bound: 'max', value: 1000, text: '≤ 1 s' } },
      { name: 'slot → BackupSession seen, max', shown: milliseconds(lags.max) },
      { name: 'sessions created for the slot', shown: `${lags.count} of ${batches}` },
      { name: "slot → the scheduler's create call returned, p50 / p99 (its histogram's buckets)", shown: `≤ ${bound(created.p50)} / ≤ ${bound(created.p99)}` },
      { name: 'CPU used from the slot to the last session seen: API server (with etcd) / scheduler', shown: `${seconds(cpu.apiserver)} / ${seconds(cpu.scheduler)}` },
    ],
    tables: [],
    notes: [
      `${batches} BackupBatches, each with one member (the fixture's \`PersistentVolumeClaim/files\`), all with the same daily cron schedule whose slot is a whole minute a few minutes ahead; created 16 at a time, and every one registered (the leader's \`restash_scheduler_timers\` gauge, \`ScheduleRegistered=True\` in its status) ${seconds(registeredAfterSeconds)} after the first create.`,
      "Lag: from the slot to the bench's watch on BackupSessions first seeing the batch's session `<batch>-<slot unix seconds>`: what a client of the API server sees. The bench runs on the same machine, so one clock.",
      "Scheduler, status and injector run as the image runs them (`bin/restash <service>`, the Dockerfile's `NODE_ENV` and `NODE_OPTIONS`), every setting at its default; two executors run while the batches are registered (for the memory figure) and are stopped before the slot, so the sessions are only created and the figure is the scheduler's alone. The run requests the scheduler publishes for them are deleted afterwards.",
      'The CPU figure is what the API server process (kube-apiserver with its embedded etcd) and the scheduler spent from the slot until the last session was seen: the work 1,000 sessions take, whatever else ran on the machine.',
    ],
  };
}

function bound(seconds: number | undefined): string {
  return seconds === undefined ? '?' : seconds === Infinity ? '∞' : `${seconds} s`;
}
