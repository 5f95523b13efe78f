import { Inject, Injectable } from '@nestjs/common';
import type { InvolvedObject } from '@restash/events';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { InjectorCache } from '../cluster/injector-cache.js';
import { INJECTOR_SETTINGS, type InjectorSettings } from '../injector-settings.js';
import { MemberRepositoryResolver, RepositoryUnavailableError, repositoryUserOf } from '@restash/repositories';
import { RepositorySecrets } from '../kube/repository-secrets.js';
import { WorkloadApplier } from '../kube/workload-applier.js';
import { carriesInjectedFields, removalApplyObject } from '../plan/injector-fields.js';
import { claimsOn, type MemberClaim } from '../plan/member-claims.js';
import type { InjectionVerdict } from '../plan/member-condition.js';
import { repositorySecret, repositorySecretName, secretIsCurrent } from '../plan/repository-secret.js';
import { sidecarProblem } from '../plan/sidecar-problems.js';
import { sidecarApplyObject } from '../plan/sidecar-template.js';
import { MemberConditions } from '../reporting/member-conditions.js';
import { apiVersionOf, describeWorkload, parseWorkloadKey, type Workload, type WorkloadRef } from '../workloads/workload.js';
import { AppliedSidecars } from './applied-sidecars.js';
import { permanentRejection } from './apply-rejection.js';

/**
 * Brings one workload to what the batches ask: the claiming member's sidecar and repository Secret
 * when a live batch names it, neither when none does. Level-based and idempotent: it reads the
 * current state from the caches every time, so any event (or none, on resync) may trigger it.
 */
@Injectable()
export class WorkloadReconciler {
  private readonly applied = new AppliedSidecars();

  constructor(
    private readonly cache: InjectorCache,
    private readonly applier: WorkloadApplier,
    private readonly secrets: RepositorySecrets,
    private readonly repositories: MemberRepositoryResolver,
    private readonly conditions: MemberConditions,
    @Inject(INJECTOR_SETTINGS) private readonly settings: InjectorSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async reconcile(key: string): Promise<void> {
    const ref = parseWorkloadKey(key);
    const workload = this.cache.workload(ref);
    const [claim, ...others] = claimsOn(this.cache.batches(), ref);
    if (!workload || workload.metadata?.deletionTimestamp) return this.workloadGone(ref, claim);
    for (const other of others) {
      await this.conditions.report(other, failed(`${describeWorkload(ref)} carries the sidecar of BackupBatch ${claim!.batch.metadata.namespace}/${claim!.batch.metadata.name}, which names it too`), involved(ref, workload));
    }
    if (claim) await this.inject(ref, workload, claim);
    else await this.release(ref, workload);
  }

  private async inject(ref: WorkloadRef, workload: Workload, claim: MemberClaim): Promise<void> {
    const problem = sidecarProblem(claim.member, workload);
    if (problem) return this.conditions.report(claim, failed(`${describeWorkload(ref)}: ${problem}`), involved(ref, workload));
    let resolved;
    try {
      resolved = await this.repositories.resolve(repositoryUserOf(claim.batch), ref);
    } catch (error) {
      if (!(error instanceof RepositoryUnavailableError)) throw error;
      await this.conditions.report(claim, failed(error.message), involved(ref, workload));
      throw error; // retried with back-off: the Repository or its Secret may be created after the batch
    }
    const secretName = repositorySecretName(ref);
    const secret = repositorySecret(ref, claim.batch, resolved.repository, this.settings.agentNats);
    const existing = this.cache.secret(ref.namespace, secretName);
    if (!secretIsCurrent(existing, secret)) await this.secrets.write(secret, existing);
    const desired = sidecarApplyObject({ workload: ref, workloadUid: workload.metadata?.uid ?? '', member: claim.member, image: this.settings.image, natsUrl: this.settings.agentNatsUrl, secretName, natsAccess: this.settings.agentNats, localBackend: resolved.localBackend });
    if (!this.applied.isCurrent(workload, desired)) {
      const result = await this.applyReporting(claim, ref, workload, desired);
      if (!result) return;
      this.applied.remember(result, desired);
      if (result.metadata?.generation !== workload.metadata?.generation) this.logger.info({ workload: describeWorkload(ref), generation: result.metadata?.generation }, 'stash sidecar injected');
    }
    await this.conditions.report(claim, { injected: true, message: `stash sidecar injected into ${describeWorkload(ref)}` }, involved(ref, workload));
  }

  /** Applies, turning a rejection the API server will repeat (invalid, forbidden) into the member's condition. */
  private async applyReporting(claim: MemberClaim, ref: WorkloadRef, workload: Workload, desired: ReturnType<typeof sidecarApplyObject>): Promise<Workload | undefined> {
    try {
      return await this.applier.apply(desired);
    } catch (error) {
      const rejected = permanentRejection(error);
      if (!rejected) throw error;
      await this.conditions.report(claim, failed(`${describeWorkload(ref)} rejected the sidecar: ${rejected}`), involved(ref, workload));
      return undefined;
    }
  }

  /** No batch names the workload: take back exactly what was applied, and the Secret. */
  private async release(ref: WorkloadRef, workload: Workload): Promise<void> {
    if (carriesInjectedFields(workload)) {
      const result = await this.applier.apply(removalApplyObject(ref));
      this.applied.forget(workload);
      if (result.metadata?.generation !== workload.metadata?.generation) this.logger.info({ workload: describeWorkload(ref), generation: result.metadata?.generation }, 'stash sidecar removed');
    }
    await this.deleteSecret(ref);
  }

  private async workloadGone(ref: WorkloadRef, claim: MemberClaim | undefined): Promise<void> {
    await this.deleteSecret(ref);
    if (claim) await this.conditions.report(claim, failed(`${describeWorkload(ref)} not found: the sidecar is injected once it exists`), involved(ref, undefined));
  }

  private async deleteSecret(ref: WorkloadRef): Promise<void> {
    const name = repositorySecretName(ref);
    if (this.cache.secret(ref.namespace, name)) await this.secrets.delete(ref.namespace, name);
  }
}

export function failed(message: string): InjectionVerdict {
  return { injected: false, message };
}

export function involved(ref: WorkloadRef, workload: Workload | undefined): InvolvedObject {
  return { apiVersion: apiVersionOf(ref.kind), kind: ref.kind, namespace: ref.namespace, name: ref.name, ...(workload?.metadata?.uid && { uid: workload.metadata.uid }) };
}
