/** The pod facts a workload's host name depends on. */
export interface HostPod {
  name: string;
  nodeName?: string;
}

const ORDINAL = /-(\d+)$/;

/**
 * Pure: the host name a pod of a sidecar-model workload backs up as (API.md): `host-0` for a
 * Deployment, ReplicaSet or ReplicationController (whichever replica takes the run), `host-<ordinal>`
 * for a StatefulSet pod, the node name for a DaemonSet pod. Undefined when the pod does not say
 * (a StatefulSet pod without an ordinal, a DaemonSet pod not yet bound to a node).
 */
export function workloadHostName(kind: string, pod: HostPod): string | undefined {
  switch (kind) {
    case 'StatefulSet': {
      const ordinal = ORDINAL.exec(pod.name)?.[1];
      return ordinal === undefined ? undefined : `host-${Number(ordinal)}`;
    }
    case 'DaemonSet':
      return pod.nodeName || undefined;
    default:
      return 'host-0';
  }
}
