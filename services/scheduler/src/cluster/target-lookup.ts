import { Injectable } from '@nestjs/common';
import { RESOURCES, type TargetKind } from '@restash/api';
import { isNotFound, KubeClient } from '@restash/kube';
import type { TargetAddress } from '../validation/batch-references.js';

type Read = (kube: KubeClient, target: TargetAddress) => Promise<unknown>;

const READERS: Record<TargetKind, Read> = {
  Deployment: (kube, { namespace, name }) => kube.apps.readNamespacedDeployment({ namespace, name }),
  StatefulSet: (kube, { namespace, name }) => kube.apps.readNamespacedStatefulSet({ namespace, name }),
  DaemonSet: (kube, { namespace, name }) => kube.apps.readNamespacedDaemonSet({ namespace, name }),
  ReplicaSet: (kube, { namespace, name }) => kube.apps.readNamespacedReplicaSet({ namespace, name }),
  ReplicationController: (kube, { namespace, name }) => kube.core.readNamespacedReplicationController({ namespace, name }),
  PersistentVolumeClaim: (kube, { namespace, name }) => kube.core.readNamespacedPersistentVolumeClaim({ namespace, name }),
  // An AppBinding CRD that is not installed answers 404 too: the target does not exist.
  AppBinding: (kube, { namespace, name, apiVersion }) =>
    kube.customObjects.getNamespacedCustomObject({
      group: RESOURCES.appBinding.group,
      version: apiVersion.split('/')[1]!,
      plural: RESOURCES.appBinding.plural,
      namespace,
      name,
    }),
};

/** Whether a batch member's target exists. */
@Injectable()
export class TargetLookup {
  constructor(private readonly kube: KubeClient) {}

  async exists(target: TargetAddress): Promise<boolean> {
    try {
      await READERS[target.kind](this.kube, target);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
