import { RESOURCES, type BackupBatch } from '@restash/api';
import { CustomResources } from '@restash/kube';
import { batchSpec, createBackupFixture, createBatch } from '../../../test/support/backup-fixture.js';
import { eventually } from '../../../test/support/eventually.js';
import { deleteRunRequests } from '../../../test/support/run-requests.js';
import { createTestNamespace, deleteTestNamespace } from '../../../test/support/test-namespace.js';
import { distribution } from '../figures/percentiles.js';
import { histogramQuantileBound, parsePrometheusText, sumSamples } from '../figures/prometheus-text.js';
import type { MemoryPhase } from '../report/memory-section.js';
import type { ResultSection } from '../report/result-section.js';
import { milliseconds, seconds } from '../report/units.js';
import type { BenchContext } from '../stack/bench-context.js';
import { startBenchServices, type BenchServices } from '../stack/bench-services.js';
import { forEachLimit } from '../stack/for-each-limit.js';
import { MemorySampler } from '../stack/memory-sampler.js';
import { cpuSeconds } from '../stack/process-cpu.js';
import { stackProcessPid } from '../stack/stack-processes.js';
import { SessionWatch } from '../stack/session-watch.js';
import { dailyCronAt, slotAfter, slotSessionName } from './slot-choice.js';
import { scheduleSection } from './schedule-section.js';

export interface ScheduleOptions {
  batches: number;
  /** How far ahead the shared slot is placed: registering every batch must finish before it. */
  marginMs: number;
}

const NAME = 'schedule';
const CREATE_CONCURRENCY = 16;
/** The executors (there only for the memory figure) stop at least this long before the slot. */
const QUIET_BEFORE_SLOT_MS = 10_000;

/**
 * Benchmark 2: `batches` BackupBatches (one trivial PVC member each) whose schedule has the same single
 * slot; how late after the slot each BackupSession appears to a watch. No executor runs at the slot,
 * so the sessions are only created; the services' memory is sampled with every batch registered.
 */
export async function scheduleBench(context: BenchContext, options: ScheduleOptions): Promise<{ section: ResultSection; memory: MemoryPhase[] }> {
  const { kube, nats, logger, say } = context;
  const namespace = await createTestNamespace(kube, 'bench-sched');
  const started = new Date();
  const fixture = await createBackupFixture(kube, namespace);
  const watch = await new SessionWatch(kube, namespace, logger).start();
  const services = await startBenchServices({ executors: 2, injector: true });
  try {
    const slot = slotAfter(new Date(), options.marginMs);
    const batches = Array.from({ length: options.batches }, (_, index) => `batch-${String(index).padStart(4, '0')}`);
    const spec = batchSpec(['files'], { schedule: dailyCronAt(slot) });
    const creating = Date.now();
    await forEachLimit(batches, CREATE_CONCURRENCY, (batch) => createBatch(kube, namespace, batch, spec));
    say(NAME, `created ${batches.length} BackupBatches in ${seconds((Date.now() - creating) / 1000)}, all scheduled for ${slot.toISOString()}`);
    await waitUntilRegistered(context, services, namespace, batches.length);
    const registeredAfter = (Date.now() - creating) / 1000;
    say(NAME, `every batch registered (timer running, status written) ${seconds(registeredAfter)} after the first create`);
    const registered = await sampleMemory(services, slot);
    await Promise.all(services.executors.map((executor) => executor.stop()));
    const firing = new MemorySampler(services.processes().filter((p) => !p.name.startsWith('executor'))).start();
    await new Promise((resolve) => setTimeout(resolve, slot.getTime() - Date.now()));
    const cpu = await slotCpu(services);
    const lagsMs = await lagsAfterSlot(watch, batches, slot);
    const cpuSeconds = await cpu.used();
    const atSlot = await firing.stop();
    const figures = distribution(lagsMs);
    const created = await schedulerLagBounds(services);
    say(NAME, `sessions seen after the slot: p50 ${milliseconds(figures.p50)}, p99 ${milliseconds(figures.p99)}, max ${milliseconds(figures.max)} (the scheduler's create calls returned: p99 ≤ ${created.p99} s)`);
    say(NAME, `CPU from the slot to the last session seen: API server ${seconds(cpuSeconds.apiserver)}, scheduler ${seconds(cpuSeconds.scheduler)}`);
    return {
      section: scheduleSection(figures, created, cpuSeconds, { batches: batches.length, registeredAfterSeconds: registeredAfter }, { machine: context.machine, measuredAt: new Date() }),
      memory: [
        { phase: `${batches.length} batches registered`, readings: registered },
        { phase: `${batches.length} batches firing in one slot`, readings: atSlot },
      ],
    };
  } finally {
    await services.stop();
    await watch.stop();
    await fixture.cleanup();
    await deleteTestNamespace(kube, namespace);
    await deleteRunRequests(nats, namespace, started);
  }
}

/** Every batch has its timer on the leader (its gauge) and its verdict in its status (ScheduleRegistered=True). */
async function waitUntilRegistered(context: BenchContext, services: BenchServices, namespace: string, count: number): Promise<void> {
  const batches = new CustomResources<BackupBatch['spec'], BackupBatch['status']>(context.kube, RESOURCES.backupBatch);
  await eventually(
    async () => {
      const metrics = parsePrometheusText(await (await fetch(services.scheduler.url('/metrics'))).text());
      if (sumSamples(metrics, 'restash_scheduler_timers') < count) return false;
      const listed = await batches.list(namespace);
      return listed.filter((batch) => batch.status?.conditions?.some((c) => c.type === 'ScheduleRegistered' && c.status === 'True')).length >= count;
    },
    { timeoutMs: 15 * 60 * 1000, intervalMs: 1000, what: `${count} BackupBatches registered` },
  );
}

/** CPU seconds the API server (with its etcd) and the scheduler use from now until `used()` is called. */
async function slotCpu(services: BenchServices): Promise<{ used(): Promise<{ apiserver: number; scheduler: number }> }> {
  const pids = { apiserver: await stackProcessPid('apiserver'), scheduler: services.scheduler.child.pid! };
  const before = { apiserver: await cpuSeconds(pids.apiserver), scheduler: await cpuSeconds(pids.scheduler) };
  return {
    used: async () => ({ apiserver: (await cpuSeconds(pids.apiserver)) - before.apiserver, scheduler: (await cpuSeconds(pids.scheduler)) - before.scheduler }),
  };
}

/** The scheduler's own slot-lag histogram (slot → its create call returned): the buckets holding p50 and p99, in seconds. */
async function schedulerLagBounds(services: BenchServices): Promise<{ p50?: number; p99?: number }> {
  const metrics = parsePrometheusText(await (await fetch(services.scheduler.url('/metrics'))).text());
  return {
    p50: histogramQuantileBound(metrics, 'restash_scheduler_slot_lag_seconds', 0.5),
    p99: histogramQuantileBound(metrics, 'restash_scheduler_slot_lag_seconds', 0.99),
  };
}

/** The services' memory over a few seconds with every batch registered, ending well before the slot. */
async function sampleMemory(services: BenchServices, slot: Date) {
  const left = slot.getTime() - Date.now() - QUIET_BEFORE_SLOT_MS;
  if (left < 1000) throw new Error(`registering the batches left no time before their slot ${slot.toISOString()}: set BENCH_SCHEDULE_MARGIN_SECONDS higher`);
  const sampler = new MemorySampler(services.processes()).start();
  await new Promise((resolve) => setTimeout(resolve, Math.min(5000, left)));
  return sampler.stop();
}

/** From the slot to the watch seeing each batch's session for it (ms). */
async function lagsAfterSlot(watch: SessionWatch, batches: readonly string[], slot: Date): Promise<number[]> {
  const names = batches.map((batch) => slotSessionName(batch, slot));
  await eventually(async () => names.every((name) => watch.firstSeen.has(name)), {
    timeoutMs: slot.getTime() - Date.now() + 5 * 60 * 1000,
    intervalMs: 100,
    what: `a session for each of ${names.length} batches`,
  });
  return names.map((name) => watch.firstSeen.get(name)! - slot.getTime());
}
