import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeError } from '../json-logger.js';
import { isConflict, isNotFound, mergePatch } from '../kube/kube-clients.js';
import type { NodeContext } from '../node-context.js';
import {
  claimInUse,
  claimProtectionFinalizer,
  localVolumeLabel,
  needsVolume,
  persistentVolumeFor,
  persistentVolumeName,
  volumeProtectionFinalizer,
} from './persistent-volume.js';

const sweepMs = 3_000;

/**
 * The stack's storage: a PV for every unbound claim (so the real binder binds it), the claim's directory removed with
 * it, and the protection finalizers released (the stack runs no pvc/pv-protection controllers).
 */
export class ClaimVolumes {
  private readonly deleting = new Map<string, V1PersistentVolumeClaim>();
  /** Claims still waiting for their volume (retried: a same-named PV of a deleted claim may still be going away). */
  private readonly unbound = new Map<string, V1PersistentVolumeClaim>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly ctx: NodeContext) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), sweepMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  upsert(claim: V1PersistentVolumeClaim): void {
    const key = `${claim.metadata!.namespace}/${claim.metadata!.name}`;
    this.unbound.delete(key);
    if (claim.metadata?.deletionTimestamp) {
      this.deleting.set(key, claim);
      void this.releaseClaim(claim);
    } else if (needsVolume(claim)) {
      this.unbound.set(key, claim);
      void this.provision(claim);
    }
  }

  remove(claim: V1PersistentVolumeClaim): void {
    this.deleting.delete(`${claim.metadata!.namespace}/${claim.metadata!.name}`);
    this.unbound.delete(`${claim.metadata!.namespace}/${claim.metadata!.name}`);
    void this.reclaim(claim);
  }

  private async provision(claim: V1PersistentVolumeClaim): Promise<void> {
    const volume = persistentVolumeFor(claim, this.ctx.layout);
    try {
      await this.ctx.clients.core.createPersistentVolume({ body: volume });
      this.unbound.delete(`${claim.metadata!.namespace}/${claim.metadata!.name}`);
      this.ctx.log.info('volume created for claim', {
        namespace: claim.metadata!.namespace,
        claim: claim.metadata!.name,
        volume: volume.metadata!.name,
      });
    } catch (err) {
      if (!isConflict(err)) this.ctx.log.warn('volume not created', { claim: claim.metadata!.name, err: describeError(err) });
      else if (await this.heldByAnotherClaim(volume.metadata!.name!, claim)) return;
      else this.unbound.delete(`${claim.metadata!.namespace}/${claim.metadata!.name}`);
    }
  }

  /** A same-named PV of an earlier claim: deleted when it is ours (its claim went while the local node was away). */
  private async heldByAnotherClaim(name: string, claim: V1PersistentVolumeClaim): Promise<boolean> {
    const existing = await this.ctx.clients.core.readPersistentVolume({ name }).catch(() => undefined);
    if (!existing || existing.spec?.claimRef?.uid === claim.metadata!.uid) return false;
    if (existing.metadata?.labels?.[localVolumeLabel] === 'true' && !existing.metadata.deletionTimestamp) {
      this.ctx.log.info('deleting the volume of an earlier claim of the same name', { volume: name });
      await this.ctx.clients.core.deletePersistentVolume({ name }).catch(() => undefined);
    }
    if (existing.metadata?.finalizers?.includes(volumeProtectionFinalizer)) {
      await this.ctx.clients.core
        .patchPersistentVolume({ name, body: { metadata: { finalizers: null } } }, mergePatch)
        .catch(() => undefined);
    }
    return true;
  }

  private async sweep(): Promise<void> {
    for (const claim of this.deleting.values()) await this.releaseClaim(claim);
    for (const claim of this.unbound.values()) await this.provision(claim);
  }

  /** Drops the pvc-protection finalizer once no unfinished pod uses the claim. */
  private async releaseClaim(claim: V1PersistentVolumeClaim): Promise<void> {
    if (!claim.metadata?.finalizers?.includes(claimProtectionFinalizer)) return;
    const namespace = claim.metadata.namespace!;
    try {
      const pods = await this.ctx.clients.core.listNamespacedPod({ namespace });
      if (claimInUse(claim, pods.items)) return;
      const finalizers = claim.metadata.finalizers.filter((f) => f !== claimProtectionFinalizer);
      await this.ctx.clients.core.patchNamespacedPersistentVolumeClaim(
        { name: claim.metadata.name!, namespace, body: { metadata: { finalizers, uid: claim.metadata.uid } } },
        mergePatch,
      );
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err))
        this.ctx.log.warn('claim finalizer not released', { claim: claim.metadata.name, err: describeError(err) });
    }
  }

  /** The claim is gone: delete its PV (if ours) and its directory, like a Delete reclaim policy. */
  private async reclaim(claim: V1PersistentVolumeClaim): Promise<void> {
    const namespace = claim.metadata!.namespace!;
    const name = persistentVolumeName(namespace, claim.metadata!.name!);
    try {
      const volume = await this.ctx.clients.core.readPersistentVolume({ name });
      if (volume.metadata?.labels?.[localVolumeLabel] !== 'true') return;
      if (volume.spec?.claimRef?.uid && volume.spec.claimRef.uid !== claim.metadata!.uid) return;
      await this.ctx.clients.core.deletePersistentVolume({ name });
      if (volume.metadata?.finalizers?.includes(volumeProtectionFinalizer)) {
        await this.ctx.clients.core.patchPersistentVolume({ name, body: { metadata: { finalizers: null } } }, mergePatch);
      }
    } catch (err) {
      if (!isNotFound(err)) this.ctx.log.warn('volume not reclaimed', { volume: name, err: describeError(err) });
    }
    const dir = this.ctx.layout.claimDir(namespace, claim.metadata!.name!);
    await rm(dir, { recursive: true, force: true });
    await rmdir(dirname(dir)).catch(() => undefined);
    this.ctx.log.info('claim reclaimed', { namespace, claim: claim.metadata!.name, volume: name });
  }
}
