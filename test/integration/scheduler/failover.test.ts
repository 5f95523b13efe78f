import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import type { ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { batchManifest, batches, createBatchDependencies, sessions, slotSeconds, startScheduler } from './scheduler-fixtures.js';

const kube = new KubeClient();
const INTERVAL_SECONDS = 2;
let namespace: string;
let replicas: ServiceProcess[] = [];

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'sched-failover');
});
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await deleteTestNamespace(kube, namespace);
});

const instanceId = (replica: ServiceProcess) => `scheduler-test-${replica.port}`;

async function leaseHolder(): Promise<string | undefined> {
  const lease = await kube.coordination.readNamespacedLease({ name: 'restash-scheduler', namespace }).catch(() => undefined);
  return lease?.spec?.holderIdentity;
}

async function slots(): Promise<number[]> {
  return (await sessions(kube).list(namespace)).map(slotSeconds).sort((a, b) => a - b);
}

function logRecords(replica: ServiceProcess, msg: string): Array<{ time: string; slots?: string[] }> {
  return replica.output
    .join('')
    .split('\n')
    .filter((line) => line.includes(`"msg":"${msg}"`))
    .map((line) => JSON.parse(line) as { time: string; slots?: string[] });
}

/** When a replica logged each session it created (ms). */
function creations(replica: ServiceProcess): number[] {
  return logRecords(replica, 'created BackupSession').map((record) => Date.parse(record.time));
}

describe('two scheduler replicas', () => {
  it('let exactly one act, fail over within seconds of a kill -9, and neither double nor lose a slot', async () => {
    await createBatchDependencies(kube, namespace);
    replicas = await Promise.all([startScheduler(namespace), startScheduler(namespace)]);
    const leaderId = await eventually(leaseHolder, { timeoutMs: 10_000, what: 'a leader' });
    const leader = replicas.find((replica) => instanceId(replica) === leaderId)!;
    const follower = replicas.find((replica) => replica !== leader)!;

    await batches(kube).create(batchManifest(namespace, 'failover', { schedule: `@every ${INTERVAL_SECONDS}s` }));
    await eventually(async () => (await slots()).length >= 4, {
      timeoutMs: 15_000,
      intervalMs: 250,
      what: 'four sessions under the first leader',
    });
    const sessionsBeforeKill = (await slots()).length;

    leader.child.kill('SIGKILL');
    const killedAt = Date.now();
    await eventually(async () => (await leaseHolder()) === instanceId(follower), {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: 'the follower taking the lease',
    });
    const failoverSeconds = (Date.now() - killedAt) / 1000;
    const resumeAfter = Math.ceil(Date.now() / 1000) + 2 * INTERVAL_SECONDS;
    await eventually(async () => (await slots()).at(-1)! >= resumeAfter, {
      timeoutMs: 15_000,
      intervalMs: 250,
      what: 'sessions under the new leader',
    });
    expect(await follower.stop()).toBe(0);
    expect(await leaseHolder()).toBeUndefined();

    const all = await slots();
    const expected = Array.from({ length: (all.at(-1)! - all[0]!) / INTERVAL_SECONDS + 1 }, (_, i) => all[0]! + i * INTERVAL_SECONDS);
    expect(all).toEqual(expected);
    expect(creations(follower).filter((at) => at < killedAt)).toEqual([]);
    expect(failoverSeconds).toBeLessThan(8);
    const byLeader = creations(leader).length;
    const byFollower = creations(follower).length;
    const caughtUp = logRecords(follower, 'catching up missed slots').flatMap((record) => record.slots ?? []).length;
    expect(byFollower).toBeGreaterThan(0);
    console.log(
      `failover: ${all.length} slots (${all[0]}…${all.at(-1)}), ${all.length} sessions, one per slot; ` +
        `${sessionsBeforeKill} before the kill; created by first leader ${byLeader}, by second ${byFollower} (${caughtUp} of them caught up); failover took ${failoverSeconds.toFixed(1)} s`,
    );
  }, 60_000);
});
