import { Inject, Injectable } from '@nestjs/common';
import type { BackupBatch, LocalBackend, RestoreBatch, RestoreMember } from '@restash/api';
import type { ServiceConfig } from '@restash/config';
import { clusterServiceAddress, connectionFromAppBinding } from '@restash/databases';
import { identityOf, type BackupSource, type MemberRunSpec, type ObjectIdentity, type RestoreRunSpec } from '@restash/events';
import { MemberRepositoryResolver, repositoryUserOf } from '@restash/repositories';
import { SERVICE_CONFIG } from '@restash/service-runtime';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { RunConfigurationError } from '../cluster/run-configuration-error.js';
import type { PlannedMember } from '../session/session-plan.js';
import { targetMountPath } from './member-job-manifest.js';

export const JOB_MODEL_HOST = 'host-0';

export interface ResolvedMemberRun<Spec = MemberRunSpec> {
  spec: Spec;
  localBackend: LocalBackend | undefined;
}

/** Turns a planned member into a self-contained run spec (backup or restore): repository, credentials and data source resolved. */
@Injectable()
export class MemberRunResolver {
  constructor(
    private readonly objects: ClusterObjects,
    private readonly repositories: MemberRepositoryResolver,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async resolve(session: ObjectIdentity, batch: BackupBatch, planned: PlannedMember): Promise<ResolvedMemberRun> {
    const { ref } = planned.member.target;
    const { repository, localBackend } = await this.repositories.resolve(repositoryUserOf(batch), ref);
    return {
      spec: {
        runId: `${session.uid}-${planned.key}-${JOB_MODEL_HOST}`,
        session,
        target: ref,
        host: JOB_MODEL_HOST,
        repository,
        source: await this.source(planned, ref.namespace ?? session.namespace),
        retention: batch.spec.retentionPolicy,
        natsUrl: this.config.nats.url,
        // The only host, and its member run holds the repository's lock (RepositoryLock).
        clearLocks: true,
      },
      localBackend,
    };
  }

  /** The run spec of a job-model member of a RestoreBatch: files go back to the PVC, a database is restored from its dump. */
  async resolveRestore(restore: RestoreBatch, planned: PlannedMember<RestoreMember>): Promise<ResolvedMemberRun<RestoreRunSpec>> {
    const identity = identityOf(restore);
    const { ref, rules = [] } = planned.member.target;
    const namespace = ref.namespace ?? identity.namespace;
    const { repository, localBackend } = await this.repositories.resolve(repositoryUserOf(restore), ref);
    return {
      spec: {
        runId: `${identity.uid}-${planned.key}-${JOB_MODEL_HOST}`,
        restore: identity,
        target: ref,
        host: JOB_MODEL_HOST,
        repository,
        source: ref.kind === 'AppBinding' ? await this.databaseSource(namespace, ref.name) : { type: 'files' },
        rules,
        natsUrl: this.config.nats.url,
      },
      localBackend,
    };
  }

  private async source(planned: PlannedMember, namespace: string): Promise<BackupSource> {
    const { target } = planned.member;
    if (target.ref.kind === 'AppBinding') return this.databaseSource(namespace, target.ref.name);
    const paths = target.paths?.length ? target.paths : [targetMountPath(target)];
    return { type: 'paths', paths, exclude: target.exclude ?? [] };
  }

  /** The database behind an AppBinding, with the credentials of the Secret it names. */
  private async databaseSource(namespace: string, name: string): Promise<Extract<BackupSource, { type: 'database' }>> {
    const appBinding = await this.objects.appBinding(namespace, name);
    const secretName = appBinding.spec.secret?.name;
    if (!secretName) throw new RunConfigurationError(`AppBinding ${namespace}/${name} names no Secret`);
    const secretData = await this.objects.secretData(namespace, secretName);
    return { type: 'database', connection: connectionFromAppBinding(appBinding, secretData, clusterServiceAddress) };
  }
}
