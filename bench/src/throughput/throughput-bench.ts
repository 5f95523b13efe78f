import { createBackupFixture } from '../../../test/support/backup-fixture.js';
import { distribution } from '../figures/percentiles.js';
import { createTestNamespace, deleteTestNamespace } from '../../../test/support/test-namespace.js';
import type { MemoryPhase } from '../report/memory-section.js';
import type { ResultSection } from '../report/result-section.js';
import type { BenchContext } from '../stack/bench-context.js';
import { SessionWatch } from '../stack/session-watch.js';
import { NoopAgent } from './noop-agent.js';
import { roundFigures, type RoundFigures } from './round-figures.js';
import { throughputSection } from './throughput-section.js';
import { runRound, type RoundSetup } from './throughput-round.js';
import { createTrivialBatch, createTrivialWorkloads } from './trivial-members.js';
import { forEachLimit } from '../stack/for-each-limit.js';
import { milliseconds, perSecond } from '../report/units.js';

export interface ThroughputOptions {
  sessions: number;
  members: number;
}

const NAME = 'throughput';

/**
 * Benchmark 3: rounds of one instant backup per batch (each of `members` trivial members), first a
 * warm-up, then with 1 and with 2 executor replicas: member runs per second, the API server's writes
 * per session, how soon a member's result shows in its session, and the services' memory meanwhile.
 */
export async function throughputBench(context: BenchContext, options: ThroughputOptions): Promise<{ section: ResultSection; memory: MemoryPhase[] }> {
  const { kube, nats, logger, say } = context;
  const namespace = await createTestNamespace(kube, 'bench-tp');
  const fixture = await createBackupFixture(kube, namespace);
  const watch = await new SessionWatch(kube, namespace, logger).start();
  const agent = await NoopAgent.start(nats, namespace, logger);
  try {
    // Each batch backs up workloads of its own, as batches do: runs of one member repository wait for each other.
    const batches = Array.from({ length: options.sessions }, (_, index) => `batch-${String(index).padStart(3, '0')}`);
    const workloadsOf = (batch: string) => Array.from({ length: options.members }, (_, index) => `${batch}-app-${index}`);
    say(NAME, `creating ${batches.length} BackupBatches of ${options.members} trivial workloads each`);
    await createTrivialWorkloads(kube, namespace, batches.flatMap(workloadsOf));
    await forEachLimit(batches, 8, (batch) => createTrivialBatch(kube, namespace, batch, workloadsOf(batch)));
    const setup: RoundSetup = { kube, namespace, batches, workloadsOf, watch, agent };
    const rounds: RoundFigures[] = [];
    const visibilityMs: number[] = [];
    const memory: MemoryPhase[] = [];
    for (const [executors, label] of [[2, 'warm-up'], [1, 'one'], [2, 'two']] as const) {
      const round = await runRound(setup, executors, label);
      const figures = roundFigures(round.observation);
      say(NAME, `${label}: ${executors} executor(s), ${figures.memberRuns} member runs in ${figures.elapsedSeconds.toFixed(1)} s = ${perSecond(figures.memberRunsPerSecond)}; status writes/session ${figures.statusWritesPerSession.toFixed(1)}; result visible p99 ${milliseconds(figures.visibilityMs.p99)}`);
      if (label === 'warm-up') continue;
      rounds.push(figures);
      visibilityMs.push(...round.observation.visibilityMs);
      memory.push({ phase: `throughput run, ${executors} executor${executors > 1 ? 's' : ''}`, readings: round.memory });
    }
    return { section: throughputSection(rounds, distribution(visibilityMs), options, { machine: context.machine, measuredAt: new Date() }), memory };
  } finally {
    await agent.stop();
    await watch.stop();
    await fixture.cleanup();
    await deleteTestNamespace(kube, namespace);
  }
}
