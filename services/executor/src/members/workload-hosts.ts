import type { V1LabelSelector } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import type { TargetKind, TargetRef } from '@restash/api';
import { isNotFound, KubeClient } from '@restash/kube';
import { RunConfigurationError } from '../cluster/run-configuration-error.js';
import type { PlanMember, PlannedMember } from '../session/session-plan.js';
import { labelSelectorQuery } from './label-selector-query.js';
import { targetHosts, type WorkloadView } from './target-hosts.js';

type SidecarKind = Exclude<TargetKind, 'PersistentVolumeClaim' | 'AppBinding'>;
interface WorkloadSpec {
  metadata?: { uid?: string };
  spec?: { replicas?: number; selector?: V1LabelSelector | Record<string, string>; template?: { spec?: { containers?: Array<{ name: string }> } } };
}
type Read = (kube: KubeClient, namespace: string, name: string) => Promise<WorkloadSpec>;
/** A member's target as far as its hosts go (a BackupBatch's or a RestoreBatch's). */
type HostsTarget = { ref: TargetRef; replicas?: number };

const READERS: Record<SidecarKind, Read> = {
  Deployment: (kube, namespace, name) => kube.apps.readNamespacedDeployment({ namespace, name }),
  StatefulSet: (kube, namespace, name) => kube.apps.readNamespacedStatefulSet({ namespace, name }),
  DaemonSet: (kube, namespace, name) => kube.apps.readNamespacedDaemonSet({ namespace, name }),
  ReplicaSet: (kube, namespace, name) => kube.apps.readNamespacedReplicaSet({ namespace, name }),
  ReplicationController: (kube, namespace, name) => kube.core.readNamespacedReplicationController({ namespace, name }),
};

/** A workload's uid, replicas and pods, the hosts they make, and its pod template's containers. */
export type ResolvedWorkload = WorkloadView & { uid: string; hosts: string[]; templateContainers: Array<{ name: string }> };

/** A workload ready for a run, or why it cannot have one (it does not exist, it has no replicas). */
export type WorkloadForRun = { ok: true; workload: ResolvedWorkload } | { ok: false; problem: string };

/** A sidecar-model workload's hosts and the pods that serve them, read from the API server. */
@Injectable()
export class WorkloadHosts {
  constructor(private readonly kube: KubeClient) {}

  /** Throws a RunConfigurationError naming the workload when it does not exist. */
  async resolve(namespace: string, target: HostsTarget): Promise<ResolvedWorkload> {
    const { kind, name } = target.ref;
    const read = READERS[kind as SidecarKind];
    if (!read) throw new Error(`${kind} is not a sidecar-model kind`);
    const workload = await read(this.kube, namespace, name).catch((error: unknown) => {
      if (isNotFound(error)) throw new RunConfigurationError(`${kind} ${namespace}/${name} not found`);
      throw error;
    });
    const labelSelector = labelSelectorQuery(workload.spec?.selector);
    const pods = labelSelector ? (await this.kube.core.listNamespacedPod({ namespace, labelSelector })).items : [];
    const view = { replicas: workload.spec?.replicas, pods };
    return { ...view, uid: workload.metadata?.uid ?? '', hosts: targetHosts(target, view), templateContainers: workload.spec?.template?.spec?.containers ?? [] };
  }

  /** The workload and its hosts for a run that will `work` them (e.g. "back up"), or the problem to fail host-0 with. */
  async forRun(namespace: string, target: HostsTarget, work: string): Promise<WorkloadForRun> {
    try {
      const workload = await this.resolve(namespace, target);
      if (workload.hosts.length > 0) return { ok: true, workload };
      return { ok: false, problem: `${target.ref.kind} ${namespace}/${target.ref.name} has no replicas to ${work}` };
    } catch (error) {
      if (error instanceof RunConfigurationError) return { ok: false, problem: error.message };
      throw error;
    }
  }

  /** How many hosts a member backs up, for session-started: 1 for a job-model member, and for a workload that cannot be read or has no hosts (its member then fails host-0 with the reason). */
  async count(namespace: string, planned: PlannedMember<PlanMember & { target: HostsTarget }>): Promise<number> {
    if (planned.model !== 'sidecar') return 1;
    const { target } = planned.member;
    try {
      return (await this.resolve(target.ref.namespace ?? namespace, target)).hosts.length || 1;
    } catch (error) {
      if (error instanceof RunConfigurationError) return 1;
      throw error;
    }
  }
}
