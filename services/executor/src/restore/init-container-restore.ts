import type { V1Pod } from '@kubernetes/client-node';
import { Inject, Injectable } from '@nestjs/common';
import { formatDuration, type HostBackupPhase, type RestoreMember, type TargetRef } from '@restash/api';
import { RESTORE_INIT_CONTAINER, RESTORE_MEMBER_CONDITIONS, type ObjectIdentity } from '@restash/events';
import { postHookApplies } from '@restash/hooks';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { HostHooks } from '../members/host-hooks.js';
import { HostResults } from '../members/host-results.js';
import { SIDECAR_SETTINGS, type SidecarSettings } from '../members/sidecar-settings.js';
import { isReady, podForHost } from '../members/target-hosts.js';
import { WorkloadHosts } from '../members/workload-hosts.js';
import type { MemberJobResult, RestoreMemberJobData } from '../queues/job-data.js';
import type { PlannedMember } from '../session/session-plan.js';
import { RestoreEvents } from './restore-events.js';

/** Before the restore any pod of the workload serves its host's hooks; after it, a ready pod that ran the restore. */
const anyPod = () => true;
const EXECUTOR_ENSURED = RESTORE_MEMBER_CONDITIONS.executorEnsured;
const restoredPod = (pod: V1Pod) => isReady(pod) && (pod.spec?.initContainers ?? []).some((c) => c.name === RESTORE_INIT_CONTAINER);

/**
 * Restores one workload member through the `stash-init` container: the member's preRestore hook per
 * host (if any host's fails, nothing is restored: the init container would restore every pod), then
 * `member-started`, upon which the injector adds the init container and the rollout restores each pod
 * before its containers start; then the wait for every host's result in the RestoreBatch status, and
 * the postRestore hook per host once its restored pod is ready. Succeeded iff every host succeeded.
 */
@Injectable()
export class InitContainerRestore {
  constructor(
    private readonly workloads: WorkloadHosts,
    private readonly results: HostResults,
    private readonly hooks: HostHooks,
    private readonly events: RestoreEvents,
    @Inject(SIDECAR_SETTINGS) private readonly settings: SidecarSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(data: RestoreMemberJobData, planned: PlannedMember<RestoreMember>): Promise<MemberJobResult> {
    const id = data.restore;
    const { target, hooks } = planned.member;
    const namespace = target.ref.namespace ?? id.namespace;
    const where = `${target.ref.kind} ${namespace}/${target.ref.name}`;
    const found = await this.workloads.forRun(namespace, target, 'restore');
    if (!found.ok) return this.fail(id, target.ref, ['host-0'], found.problem);
    const { workload } = found;
    const { hosts } = workload;
    if (!target.volumeMounts?.length) return this.fail(id, target.ref, hosts, `the member of ${where} names no volumeMounts to restore into`);
    const record = this.events.memberRecorder(id, target.ref);
    if (hooks?.preRestore) {
      const failures = await this.hooks.run('preRestore', hooks.preRestore, target.ref.kind, hosts, workload.pods, record, anyPod);
      if (failures.size > 0) return this.fail(id, target.ref, hosts, [...failures.values()].join('; '));
    }
    // The injector adds the init container once it sees this condition (never for a member that failed before it).
    await record(EXECUTOR_ENSURED, true, EXECUTOR_ENSURED, `the ${RESTORE_INIT_CONTAINER} container restores ${hosts.join(', ')} of ${where}`);
    await this.events.memberStarted(id, target.ref, hosts.length);
    const until = this.waitLimit(data.deadline);
    const phases = await this.awaitResults(id, target.ref, hosts, until);
    if (hooks?.postRestore) {
      const selected = hosts.filter((host) => postHookApplies(hooks.postRestore!, phases.get(host) === 'Succeeded'));
      const pods = await this.restoredPods(namespace, planned, selected, until.at);
      if (selected.length > 0) await this.hooks.run('postRestore', hooks.postRestore, target.ref.kind, selected, pods, record, restoredPod);
    }
    const succeeded = hosts.every((host) => phases.get(host) === 'Succeeded');
    this.logger.info({ restore: id.name, namespace: id.namespace, member: planned.key, hosts: hosts.length, succeeded }, 'init-container member finished');
    return { outcome: succeeded ? 'Succeeded' : 'Failed' };
  }

  /** Waits for each host's result; a host that does not report in time (or cannot, the injection failed) is failed. */
  private async awaitResults(id: ObjectIdentity, ref: TargetRef, hosts: string[], until: { at: Date; limit: string }): Promise<Map<string, HostBackupPhase>> {
    const { reported, stopped } = await this.results.waitForRestore(id, ref, hosts, until.at);
    const reason = stopped ?? `no ${RESTORE_INIT_CONTAINER} container reported it ${until.limit}`;
    for (const host of hosts.filter((h) => !reported.has(h))) {
      await this.events.hostFailed(id, ref, host, reason);
      reported.set(host, 'Failed');
    }
    return reported;
  }

  /** The workload's pods once each host has a ready pod that ran the restore (or as they are at `until`). */
  private async restoredPods(namespace: string, planned: PlannedMember<RestoreMember>, hosts: string[], until: Date): Promise<V1Pod[]> {
    const { ref } = planned.member.target;
    for (;;) {
      const { pods } = await this.workloads.resolve(namespace, planned.member.target);
      if (hosts.every((host) => podForHost(ref.kind, host, pods, restoredPod)) || Date.now() >= until.getTime()) return pods;
      await new Promise((resolve) => setTimeout(resolve, this.settings.resultPollMs));
    }
  }

  private waitLimit(deadline: string | undefined): { at: Date; limit: string } {
    const timeout = Date.now() + this.settings.resultTimeoutMs;
    if (deadline && Date.parse(deadline) < timeout) return { at: new Date(deadline), limit: `before the deadline ${deadline} (spec.timeOut)` };
    return { at: new Date(timeout), limit: `within ${formatDuration(this.settings.resultTimeoutMs)}` };
  }

  private async fail(id: ObjectIdentity, ref: TargetRef, hosts: string[], reason: string): Promise<MemberJobResult> {
    await this.events.memberRecorder(id, ref)(EXECUTOR_ENSURED, false, 'RestoreExecutorNotEnsured', reason);
    for (const host of hosts) await this.events.hostFailed(id, ref, host, reason);
    return { outcome: 'Failed' };
  }
}
