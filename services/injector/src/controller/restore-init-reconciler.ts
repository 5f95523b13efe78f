import { Inject, Injectable } from '@nestjs/common';
import type { KubernetesObject } from '@kubernetes/client-node';
import { identityOf, type WorkloadRestoreSpec } from '@restash/events';
import type { Logger } from '@restash/observability';
import { MemberRepositoryResolver, RepositoryUnavailableError, repositoryUserOf } from '@restash/repositories';
import { LOGGER } from '@restash/service-runtime';
import { InjectorCache } from '../cluster/injector-cache.js';
import { INJECTOR_SETTINGS, type InjectorSettings } from '../injector-settings.js';
import { RepositorySecrets } from '../kube/repository-secrets.js';
import { WorkloadApplier } from '../kube/workload-applier.js';
import { carriesInjectedFields, INIT_FIELD_MANAGER, removalApplyObject } from '../plan/injector-fields.js';
import { initContainerProblem } from '../plan/init-container-problems.js';
import { initContainerApplyObject } from '../plan/init-container-template.js';
import type { InjectionVerdict } from '../plan/member-condition.js';
import { restoreSecret, restoreSecretName, secretIsCurrent } from '../plan/repository-secret.js';
import { restoreClaimsOn, type RestoreClaim } from '../plan/restore-claims.js';
import { InitContainerConditions } from '../reporting/init-container-conditions.js';
import { describeWorkload, parseWorkloadKey, type Workload, type WorkloadRef } from '../workloads/workload.js';
import { AppliedSidecars } from './applied-sidecars.js';
import { permanentRejection } from './apply-rejection.js';
import { failed, involved } from './workload-reconciler.js';

/**
 * Brings one workload to what the RestoreBatches ask: while a started member of an unfinished
 * RestoreBatch names it, the `stash-init` container (and its restore spec Secret); once the
 * RestoreBatch is final or deleted, neither. Applied with its own field manager, so the sidecar's
 * fields and the user's stay as they are, and removal gives back the user's template byte for byte.
 */
@Injectable()
export class RestoreInitReconciler {
  private readonly applied = new AppliedSidecars();

  constructor(
    private readonly cache: InjectorCache,
    private readonly applier: WorkloadApplier,
    private readonly secrets: RepositorySecrets,
    private readonly repositories: MemberRepositoryResolver,
    private readonly conditions: InitContainerConditions,
    @Inject(INJECTOR_SETTINGS) private readonly settings: InjectorSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async reconcile(key: string): Promise<void> {
    const ref = parseWorkloadKey(key);
    const workload = this.cache.workload(ref);
    const [claim] = restoreClaimsOn(this.cache.restores(), ref);
    if (!workload || workload.metadata?.deletionTimestamp) return this.deleteSecret(ref);
    if (claim) await this.inject(ref, workload, claim);
    else await this.release(ref, workload);
  }

  private async inject(ref: WorkloadRef, workload: Workload, claim: RestoreClaim): Promise<void> {
    const report = (verdict: InjectionVerdict) => this.conditions.report(claim, verdict, involved(ref, workload));
    const problem = initContainerProblem(claim.member, workload);
    if (problem) return report(failed(`${describeWorkload(ref)}: ${problem}`));
    let resolved;
    try {
      resolved = await this.repositories.resolve(repositoryUserOf(claim.batch), ref);
    } catch (error) {
      if (!(error instanceof RepositoryUnavailableError)) throw error;
      await report(failed(error.message));
      throw error; // retried with back-off
    }
    const secretName = restoreSecretName(ref);
    const secret = restoreSecret(ref, claim.batch, this.restoreSpec(claim, resolved.repository), this.settings.agentNats);
    const existing = this.cache.secret(ref.namespace, secretName);
    if (!secretIsCurrent(existing, secret)) await this.secrets.write(secret, existing);
    const desired = initContainerApplyObject({ workload: ref, member: claim.member, restoreUid: claim.batch.metadata.uid!, image: this.settings.image, secretName, natsAccess: this.settings.agentNats, localBackend: resolved.localBackend });
    if (!this.applied.isCurrent(workload, desired)) {
      const result = await this.apply(desired, (message) => report(failed(`${describeWorkload(ref)} rejected the stash-init container: ${message}`)));
      if (!result) return;
      this.applied.remember(result, desired);
      if (result.metadata?.generation !== workload.metadata?.generation) this.logger.info({ workload: describeWorkload(ref), restore: claim.batch.metadata.name }, 'stash-init container injected');
    }
    await report({ injected: true, message: `stash-init container injected into ${describeWorkload(ref)}` });
  }

  private restoreSpec(claim: RestoreClaim, repository: WorkloadRestoreSpec['repository']): WorkloadRestoreSpec {
    const { ref, rules = [] } = claim.member.target;
    return { restore: identityOf(claim.batch), target: ref, repository, source: { type: 'files' }, rules, natsUrl: this.settings.agentNatsUrl };
  }

  private async apply(desired: KubernetesObject, rejected: (message: string) => Promise<void>): Promise<Workload | undefined> {
    try {
      return await this.applier.apply(desired, INIT_FIELD_MANAGER);
    } catch (error) {
      const message = permanentRejection(error);
      if (!message) throw error;
      await rejected(message);
      return undefined;
    }
  }

  /** No unfinished RestoreBatch restores the workload: take back exactly what was applied, and the Secret. */
  private async release(ref: WorkloadRef, workload: Workload): Promise<void> {
    if (carriesInjectedFields(workload, INIT_FIELD_MANAGER)) {
      const result = await this.applier.apply(removalApplyObject(ref), INIT_FIELD_MANAGER);
      this.applied.forget(workload);
      if (result.metadata?.generation !== workload.metadata?.generation) this.logger.info({ workload: describeWorkload(ref) }, 'stash-init container removed');
    }
    await this.deleteSecret(ref);
  }

  private async deleteSecret(ref: WorkloadRef): Promise<void> {
    const name = restoreSecretName(ref);
    if (this.cache.secret(ref.namespace, name)) await this.secrets.delete(ref.namespace, name);
  }
}
