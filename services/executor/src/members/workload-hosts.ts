import type { V1LabelSelector } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import type { BackupTarget, TargetKind } from '@restash/api';
import { isNotFound, KubeClient } from '@restash/kube';
import { RunConfigurationError } from '../cluster/run-configuration-error.js';
import type { PlannedMember } from '../session/session-plan.js';
import { labelSelectorQuery } from './label-selector-query.js';
import { targetHosts, type WorkloadView } from './target-hosts.js';

type SidecarKind = Exclude<TargetKind, 'PersistentVolumeClaim' | 'AppBinding'>;
interface WorkloadSpec {
  spec?: { replicas?: number; selector?: V1LabelSelector | Record<string, string> };
}
type Read = (kube: KubeClient, namespace: string, name: string) => Promise<WorkloadSpec>;

const READERS: Record<SidecarKind, Read> = {
  Deployment: (kube, namespace, name) => kube.apps.readNamespacedDeployment({ namespace, name }),
  StatefulSet: (kube, namespace, name) => kube.apps.readNamespacedStatefulSet({ namespace, name }),
  DaemonSet: (kube, namespace, name) => kube.apps.readNamespacedDaemonSet({ namespace, name }),
  ReplicaSet: (kube, namespace, name) => kube.apps.readNamespacedReplicaSet({ namespace, name }),
  ReplicationController: (kube, namespace, name) => kube.core.readNamespacedReplicationController({ namespace, name }),
};

/** A sidecar-model workload's hosts and the pods that serve them, read from the API server. */
@Injectable()
export class WorkloadHosts {
  constructor(private readonly kube: KubeClient) {}

  /** Throws a RunConfigurationError naming the workload when it does not exist. */
  async resolve(namespace: string, target: BackupTarget): Promise<WorkloadView & { hosts: string[] }> {
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
    return { ...view, hosts: targetHosts(target, view) };
  }

  /** How many hosts a member backs up, for session-started: 1 for a job-model member, and for a workload that cannot be read or has no hosts (its member then fails host-0 with the reason). */
  async count(namespace: string, planned: PlannedMember): Promise<number> {
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
