import type { V1Lease } from '@kubernetes/client-node';
import { createLogger } from '@restash/observability';
import { LeaderElector, type LeaseApi } from './leader-elector.js';

const { jest: fake } = import.meta as unknown as { jest: typeof jest };
const logger = createLogger({ service: 'leader-elector-spec', level: 'silent' });

const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code });

/** One Lease in memory with the API server's rules: resourceVersion-checked replace, 404, 409. */
class LeaseStore {
  lease: V1Lease | undefined;
  private version = 0;
  readonly unreachable = new Set<string>();

  clientFor(identity: string): LeaseApi {
    const call = async <T>(action: () => T): Promise<T> => {
      if (this.unreachable.has(identity)) throw new Error('connect ECONNREFUSED');
      return structuredClone(action());
    };
    return {
      readNamespacedLease: () => call(() => this.lease ?? throwError(apiError(404))),
      createNamespacedLease: ({ body }) => call(() => (this.lease ? throwError(apiError(409)) : this.store(body))),
      replaceNamespacedLease: ({ body }) =>
        call(() =>
          body.metadata?.resourceVersion === this.lease?.metadata?.resourceVersion ? this.store(body) : throwError(apiError(409)),
        ),
    };
  }

  get holder(): string | undefined {
    return this.lease?.spec?.holderIdentity;
  }

  private store(body: V1Lease): V1Lease {
    this.lease = { ...structuredClone(body), metadata: { ...body.metadata, resourceVersion: String(++this.version) } };
    return this.lease;
  }
}

function throwError(error: Error): never {
  throw error;
}

function elector(store: LeaseStore, identity: string, events: string[]): LeaderElector {
  return new LeaderElector({
    leases: store.clientFor(identity),
    namespace: 'restash',
    name: 'restash-scheduler',
    identity,
    leaseDurationSeconds: 3,
    logger,
    onGained: () => events.push(`${identity} gained`),
    onLost: () => events.push(`${identity} lost`),
  });
}

describe('LeaderElector', () => {
  let store: LeaseStore;
  let events: string[];
  let a: LeaderElector;
  let b: LeaderElector;

  beforeEach(() => {
    fake.useFakeTimers();
    store = new LeaseStore();
    events = [];
    a = elector(store, 'a', events);
    b = elector(store, 'b', events);
  });
  afterEach(async () => {
    await Promise.all([a.stop(), b.stop()]);
    fake.useRealTimers();
  });

  it('lets exactly one candidate lead and keeps renewing its lease', async () => {
    a.start();
    await fake.advanceTimersByTimeAsync(10);
    b.start();
    await fake.advanceTimersByTimeAsync(10_000);
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    expect(events).toEqual(['a gained']);
    expect(store.lease?.spec).toMatchObject({ holderIdentity: 'a', leaseDurationSeconds: 3, leaseTransitions: 0 });
    expect(String(store.lease?.spec?.renewTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('hands over at once when the leader stops and releases the lease', async () => {
    a.start();
    await fake.advanceTimersByTimeAsync(10);
    b.start();
    await fake.advanceTimersByTimeAsync(2000);
    await a.stop();
    expect(store.holder).toBeUndefined();
    await fake.advanceTimersByTimeAsync(1000);
    expect([a.isLeader, b.isLeader]).toEqual([false, true]);
    expect(events).toEqual(['a gained', 'a lost', 'b gained']);
    expect(store.lease?.spec?.leaseTransitions).toBe(0);
  });

  it('steps a leader down before its lease expires when it cannot renew, and lets another take over after expiry', async () => {
    a.start();
    await fake.advanceTimersByTimeAsync(10);
    b.start();
    await fake.advanceTimersByTimeAsync(2000);
    store.unreachable.add('a');
    await fake.advanceTimersByTimeAsync(2100);
    expect(a.isLeader).toBe(false);
    expect(b.isLeader).toBe(false);
    await fake.advanceTimersByTimeAsync(3000);
    expect(b.isLeader).toBe(true);
    expect(store.lease?.spec).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
    expect(events).toEqual(['a gained', 'a lost', 'b gained']);
  });
});
