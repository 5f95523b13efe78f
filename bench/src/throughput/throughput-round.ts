import type { KubeClient } from '@restash/kube';
import { createSession } from '../../../test/support/backup-fixture.js';
import { eventually } from '../../../test/support/eventually.js';
import { readApiserverWrites, writesBetween } from '../stack/apiserver-writes.js';
import { startBenchServices } from '../stack/bench-services.js';
import { forEachLimit } from '../stack/for-each-limit.js';
import { MemorySampler, type MemoryReading } from '../stack/memory-sampler.js';
import type { SessionWatch } from '../stack/session-watch.js';
import type { NoopAgent } from './noop-agent.js';
import type { RoundObservation } from './round-figures.js';

/** What a round runs on: the namespace's batches (one session each), the workloads each backs up, the watch and the agent. */
export interface RoundSetup {
  kube: KubeClient;
  namespace: string;
  batches: readonly string[];
  workloadsOf: (batch: string) => string[];
  watch: SessionWatch;
  agent: NoopAgent;
}

const ROUND_TIMEOUT_MS = 10 * 60 * 1000;
const CREATE_CONCURRENCY = 16;

/**
 * One round: the control plane with `executors` replicas, one instant backup per batch created at
 * once, the time until the watch saw each final, the API server's writes until every session's
 * history was cleaned (the last write restash makes for a session), the services' memory throughout.
 */
export async function runRound(setup: RoundSetup, executors: number, label: string): Promise<{ observation: RoundObservation; memory: MemoryReading[] }> {
  const services = await startBenchServices({ executors });
  try {
    const sampler = new MemorySampler(services.processes()).start();
    const before = await readApiserverWrites();
    const sessions = setup.batches.map((batch) => `${batch}-${label}`);
    const startedAt = Date.now();
    await forEachLimit(setup.batches, CREATE_CONCURRENCY, (batch) => createSession(setup.kube, setup.namespace, batch, `${batch}-${label}`).then(() => undefined));
    await setup.watch.waitForFinal(sessions, ROUND_TIMEOUT_MS);
    failUnlessSucceeded(setup, sessions);
    await waitForHistoryCleaned(setup, sessions);
    const writes = writesBetween(before, await readApiserverWrites());
    const memory = await sampler.stop();
    return { observation: observe(setup, executors, label, startedAt, writes), memory };
  } finally {
    await services.stop();
  }
}

function observe(setup: RoundSetup, executors: number, label: string, startedAt: number, writes: RoundObservation['writes']): RoundObservation {
  const sessions = setup.batches.map((batch) => `${batch}-${label}`);
  const hosts = setup.batches.flatMap((batch) => setup.workloadsOf(batch).map((workload) => `${batch}-${label}/Deployment/${workload}/host-0`));
  return {
    executors,
    sessions: sessions.length,
    membersPerSession: hosts.length / sessions.length,
    startedAt,
    finalSeenAt: sessions.map((session) => setup.watch.finalSeen.get(session)!.at),
    visibilityMs: hosts.map((host) => setup.watch.hostSeen.get(host)! - setup.agent.finishedAt.get(host)!),
    writes,
  };
}

function failUnlessSucceeded(setup: RoundSetup, sessions: string[]): void {
  const failed = sessions.filter((session) => setup.watch.finalSeen.get(session)?.phase !== 'Succeeded');
  if (failed.length === 0) return;
  const example = setup.watch.get(setup.namespace, failed[0]!);
  throw new Error(`${failed.length} trivial sessions did not succeed, e.g. ${failed[0]}: ${JSON.stringify(example?.status)}`);
}

/** Cleaning a batch's history is the last thing restash does for a finished session (it marks BackupHistoryCleaned). */
async function waitForHistoryCleaned(setup: RoundSetup, sessions: string[]): Promise<void> {
  const cleaned = (session: string) => setup.watch.get(setup.namespace, session)?.status?.conditions?.some((c) => c.type === 'BackupHistoryCleaned') === true;
  await eventually(async () => sessions.every(cleaned), { timeoutMs: 60_000, intervalMs: 100, what: 'every session marked BackupHistoryCleaned' });
}
