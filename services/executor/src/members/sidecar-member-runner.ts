import { Inject, Injectable } from '@nestjs/common';
import { formatDuration, type BackupBatch, type HostBackupPhase, type TargetRef } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import { postHookApplies } from '@restash/hooks';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import type { BackupMemberJobData, MemberJobResult } from '../queues/job-data.js';
import { SessionEvents } from '../session/session-events.js';
import type { PlannedMember } from '../session/session-plan.js';
import { AgentRequests } from './agent-requests.js';
import { agentRunRequest, hostWaves, memberPaths } from './agent-run-request.js';
import { HostHooks } from './host-hooks.js';
import { HostResults } from './host-results.js';
import { SIDECAR_SETTINGS, type SidecarSettings } from './sidecar-settings.js';
import { sidecarServes, type WorkloadView } from './target-hosts.js';
import { WorkloadHosts } from './workload-hosts.js';

/**
 * Runs one workload member through the `stash` sidecars the injector added: per host its preBackup
 * hook, a run request to the sidecar serving it, then the wait for every host's result in the
 * session status, then its postBackup hook. Succeeded iff every host succeeded. Safe to run again
 * after a crash: a repeated request (same run id) is dropped, and reported results are found.
 */
@Injectable()
export class SidecarMemberRunner {
  constructor(
    private readonly workloads: WorkloadHosts,
    private readonly requests: AgentRequests,
    private readonly results: HostResults,
    private readonly hooks: HostHooks,
    private readonly events: SessionEvents,
    @Inject(SIDECAR_SETTINGS) private readonly settings: SidecarSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(data: BackupMemberJobData, batch: BackupBatch, planned: PlannedMember): Promise<MemberJobResult> {
    const { session } = data;
    const { target } = planned.member;
    const namespace = target.ref.namespace ?? session.namespace;
    const where = `${target.ref.kind} ${namespace}/${target.ref.name}`;
    const found = await this.workloads.forRun(namespace, target, 'back up');
    if (!found.ok) return this.fail(session, target.ref, ['host-0'], found.problem);
    const { workload } = found;
    const { hosts } = workload;
    if (!sidecarServes(workload.templateContainers, workload.pods)) return this.fail(session, target.ref, hosts, `no pod of ${where} has the stash sidecar: is the injector running?`);
    if (memberPaths(target).length === 0) return this.fail(session, target.ref, hosts, `the member of ${where} names no paths and no volumeMounts to back up`);

    await this.events.targetCondition(session, target.ref, 'BackupExecutorEnsured', true, 'BackupExecutorEnsured', `the stash sidecar of ${where} backs up ${hosts.join(', ')}`);
    await this.events.publish({ type: 'target-started', session, target: target.ref, totalHosts: hosts.length });
    const runnable = await this.preHooks(session, planned, hosts, workload);
    const phases = await this.backUp(data, batch, planned, { namespace, uid: workload.uid }, runnable);
    await this.postHooks(session, planned, hosts, workload, phases);
    const succeeded = hosts.every((host) => phases.get(host) === 'Succeeded');
    this.logger.info({ session: session.name, namespace: session.namespace, member: planned.key, hosts: hosts.length, succeeded }, 'sidecar member finished');
    return { outcome: succeeded ? 'Succeeded' : 'Failed' };
  }

  /** Requests each host's backup and waits for the results; a host that does not report in time is failed. */
  private async backUp(data: BackupMemberJobData, batch: BackupBatch, planned: PlannedMember, workload: { namespace: string; uid: string }, hosts: string[]): Promise<Map<string, HostBackupPhase>> {
    const { session } = data;
    const { ref } = planned.member.target;
    const timeout = new Date(Date.now() + this.settings.resultTimeoutMs);
    const deadline = data.deadline && Date.parse(data.deadline) < timeout.getTime() ? new Date(data.deadline) : undefined;
    const until = deadline ?? timeout;
    const phases = new Map<string, HostBackupPhase>();
    for (const [index, wave] of hostWaves(hosts).entries()) {
      const alone = index === 0;
      for (const host of wave) await this.requests.publish(workload.namespace, workload.uid, agentRunRequest(session, planned, host, batch.spec.retentionPolicy, until, alone));
      for (const [host, phase] of await this.results.wait(session, ref, wave, until)) phases.set(host, phase);
    }
    const limit = deadline ? `before the session deadline ${data.deadline} (spec.timeOut)` : `within ${formatDuration(this.settings.resultTimeoutMs)}`;
    for (const host of hosts.filter((h) => !phases.has(h))) {
      await this.events.hostFailed(session, ref, host, `no stash sidecar reported ${host} ${limit}`);
      phases.set(host, 'Failed');
    }
    return phases;
  }

  /** Runs the member's preBackup hook per host; returns the hosts it let through (the others are failed). */
  private async preHooks(session: ObjectIdentity, planned: PlannedMember, hosts: string[], workload: WorkloadView): Promise<string[]> {
    const hook = planned.member.hooks?.preBackup;
    const { ref } = planned.member.target;
    if (!hook) return hosts;
    const failures = await this.hooks.run('preBackup', hook, ref.kind, hosts, workload.pods, this.events.targetRecorder(session, ref));
    for (const [host, reason] of failures) await this.events.hostFailed(session, ref, host, reason);
    return hosts.filter((host) => !failures.has(host));
  }

  /** Runs the member's postBackup hook on each host its executionPolicy selects by that host's outcome. */
  private async postHooks(session: ObjectIdentity, planned: PlannedMember, hosts: string[], workload: WorkloadView, phases: Map<string, HostBackupPhase>): Promise<void> {
    const hook = planned.member.hooks?.postBackup;
    if (!hook) return;
    const selected = hosts.filter((host) => postHookApplies(hook, phases.get(host) === 'Succeeded'));
    const { ref } = planned.member.target;
    if (selected.length > 0) await this.hooks.run('postBackup', hook, ref.kind, selected, workload.pods, this.events.targetRecorder(session, ref));
  }

  private async fail(session: ObjectIdentity, ref: TargetRef, hosts: string[], reason: string): Promise<MemberJobResult> {
    await this.events.targetCondition(session, ref, 'BackupExecutorEnsured', false, 'BackupExecutorNotEnsured', reason);
    for (const host of hosts) await this.events.hostFailed(session, ref, host, reason);
    return { outcome: 'Failed' };
  }
}
