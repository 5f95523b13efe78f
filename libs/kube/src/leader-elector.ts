import type { CoordinationV1Api, V1Lease, V1LeaseSpec } from '@kubernetes/client-node';
import type { Logger } from '@restash/observability';
import { apiErrorMessage, isNotFound } from './api-errors.js';

/** The Lease calls the elector makes (CoordinationV1Api, or a fake in tests). */
export type LeaseApi = Pick<CoordinationV1Api, 'readNamespacedLease' | 'createNamespacedLease' | 'replaceNamespacedLease'>;

export interface LeaderElectorOptions {
  leases: LeaseApi;
  namespace: string;
  name: string;
  /** Unique per process; written to spec.holderIdentity. */
  identity: string;
  leaseDurationSeconds: number;
  logger: Logger;
  onGained?: () => void;
  onLost?: () => void;
}

/**
 * Leader election on a coordination.k8s.io/v1 Lease, as client-go does it. The holder renews every
 * third of the lease duration with resourceVersion-checked updates. A candidate takes the lease once
 * it has seen no renewal for a whole duration, timed on its own clock (so clock skew between replicas
 * does not matter), or at once when the holder released it. A leader that cannot renew for two thirds
 * of the duration steps down before anyone else may take over, so two leaders never act at once.
 */
export class LeaderElector {
  private leader = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private cycle: Promise<void> = Promise.resolve();
  /** The lease record last seen, and when (local clock) it was first seen. */
  private observed: { lease: V1Lease; at: number } | undefined;
  private lastRenewedAt = 0;

  constructor(private readonly options: LeaderElectorOptions) {}

  get isLeader(): boolean {
    return this.leader;
  }

  private get durationMs(): number {
    return this.options.leaseDurationSeconds * 1000;
  }

  private get periodMs(): number {
    return this.durationMs / 3;
  }

  start(): void {
    this.stopped = false;
    this.next(0);
  }

  /** Stops campaigning; a leader releases the lease so another replica takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.cycle;
    this.setLeader(false);
    if (this.observed?.lease.spec?.holderIdentity === this.options.identity) await this.release();
  }

  private next(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.cycle = this.runCycle().finally(() => {
        if (!this.stopped) this.next(this.periodMs);
      });
    }, delayMs);
  }

  private async runCycle(): Promise<void> {
    try {
      const held = await withTimeout(this.tryAcquireOrRenew(), this.periodMs, 'lease update');
      if (held) this.lastRenewedAt = Date.now();
      if (!this.stopped) this.setLeader(held);
    } catch (error) {
      const sinceRenewal = Date.now() - this.lastRenewedAt;
      this.options.logger.warn({ lease: this.options.name, err: apiErrorMessage(error) }, 'could not acquire or renew the leader lease');
      if (this.leader && sinceRenewal >= (this.durationMs * 2) / 3) this.setLeader(false);
    }
  }

  /** True when this process holds the lease after the call. Throws when the API call fails (conflict included). */
  private async tryAcquireOrRenew(): Promise<boolean> {
    const { leases, namespace, name } = this.options;
    const lease = await leases.readNamespacedLease({ namespace, name }).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!lease) {
      this.observe(await leases.createNamespacedLease({ namespace, body: { metadata: { name, namespace }, spec: this.heldSpec() } }));
      return true;
    }
    this.observe(lease);
    if (this.heldByOther(lease)) return false;
    const body: V1Lease = { ...lease, spec: this.heldSpec(lease.spec) };
    this.observe(await leases.replaceNamespacedLease({ namespace, name, body }));
    return true;
  }

  private observe(lease: V1Lease): void {
    if (lease.metadata?.resourceVersion !== this.observed?.lease.metadata?.resourceVersion) {
      this.observed = { lease, at: Date.now() };
    }
  }

  private heldByOther(lease: V1Lease): boolean {
    const holder = lease.spec?.holderIdentity;
    if (!holder || holder === this.options.identity) return false;
    const durationMs = (lease.spec?.leaseDurationSeconds ?? this.options.leaseDurationSeconds) * 1000;
    return Date.now() < this.observed!.at + durationMs;
  }

  private heldSpec(current: V1LeaseSpec = {}): V1LeaseSpec {
    const now = microTime(new Date());
    const takingOver = current.holderIdentity !== this.options.identity;
    return {
      holderIdentity: this.options.identity,
      leaseDurationSeconds: this.options.leaseDurationSeconds,
      acquireTime: takingOver ? now : current.acquireTime,
      renewTime: now,
      leaseTransitions: (current.leaseTransitions ?? 0) + (takingOver && current.holderIdentity ? 1 : 0),
    };
  }

  private async release(): Promise<void> {
    const lease = this.observed?.lease;
    if (!lease?.metadata?.name) return;
    const spec: V1LeaseSpec = { ...lease.spec, holderIdentity: undefined, leaseDurationSeconds: 1, renewTime: microTime(new Date()) };
    try {
      await withTimeout(
        this.options.leases.replaceNamespacedLease({
          namespace: this.options.namespace,
          name: this.options.name,
          body: { ...lease, spec },
        }),
        this.periodMs,
        'lease release',
      );
      this.options.logger.info({ lease: this.options.name }, 'released the leader lease');
    } catch (error) {
      this.options.logger.warn(
        { lease: this.options.name, err: apiErrorMessage(error) },
        'could not release the leader lease; it expires by itself',
      );
    }
  }

  private setLeader(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.options.logger.info({ lease: this.options.name, identity: this.options.identity }, leader ? 'became leader' : 'stopped leading');
    try {
      (leader ? this.options.onGained : this.options.onLost)?.();
    } catch (error) {
      this.options.logger.error({ err: error }, 'leadership callback failed');
    }
  }
}

/**
 * A Lease time as the API server wants it (RFC 3339 with microseconds). client-node types these
 * fields as Date but would send milliseconds, which the server rejects; it passes strings through.
 */
function microTime(date: Date): Date {
  return date.toISOString().replace(/Z$/, '000Z') as unknown as Date;
}

/** Rejects when `promise` takes longer than `ms`, so a hung API call cannot keep a stale leader acting. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
