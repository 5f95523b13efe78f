import type { LocalNodeConfig } from '../config.js';
import type { NodeAllocatable } from '../env/resource-field.js';

/** What the machine offers, reported as the node's capacity and allocatable. */
export interface MachineFacts {
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly arch: string;
  readonly kernelVersion: string;
  readonly hostname: string;
}

export const maxPods = 250;
/** The API server proxies WebSocket exec/attach/port-forward straight to a kubelet declaring this feature. */
export const declaredFeatures = ['ExtendWebSocketsToKubelet'];

export function nodeAllocatable(machine: MachineFacts): NodeAllocatable {
  return { cpu: String(machine.cpus), memory: `${Math.floor(machine.memoryBytes / 1024)}Ki`, 'ephemeral-storage': '100Gi' };
}

export function nodeObject(config: LocalNodeConfig, machine: MachineFacts): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: config.nodeName,
      labels: {
        'kubernetes.io/hostname': config.nodeName,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': goArch(machine.arch),
        'restash.dev/local-node': 'true',
      },
    },
    spec: {},
  };
}

/** The node's status: Ready with a fresh heartbeat, its address, the kubelet endpoint (exec) and its capacity. */
export function nodeStatus(config: LocalNodeConfig, machine: MachineFacts, now: string, readySince: string): Record<string, unknown> {
  const resources = { ...nodeAllocatable(machine), pods: String(maxPods) };
  const healthy = (type: string, reason: string, message: string) => ({
    type,
    status: 'False',
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime: readySince,
  });
  return {
    capacity: resources,
    allocatable: resources,
    conditions: [
      healthy('MemoryPressure', 'KubeletHasSufficientMemory', 'local node has sufficient memory available'),
      healthy('DiskPressure', 'KubeletHasNoDiskPressure', 'local node has no disk pressure'),
      healthy('PIDPressure', 'KubeletHasSufficientPID', 'local node has sufficient PID available'),
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'local node (restash stack) is posting ready status',
        lastHeartbeatTime: now,
        lastTransitionTime: readySince,
      },
    ],
    addresses: [
      { type: 'InternalIP', address: config.hostIP },
      { type: 'Hostname', address: config.nodeName },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: config.kubeletPort } },
    nodeInfo: {
      machineID: 'restash-local-node',
      systemUUID: 'restash-local-node',
      bootID: 'restash-local-node',
      kernelVersion: machine.kernelVersion,
      osImage: 'restash local node (processes on the host)',
      containerRuntimeVersion: 'local://1.0.0',
      kubeletVersion: 'v1.36.3',
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: goArch(machine.arch),
    },
    declaredFeatures,
  };
}

function goArch(nodeArch: string): string {
  return ({ x64: 'amd64', ia32: '386', arm: 'arm' } as Record<string, string>)[nodeArch] ?? nodeArch;
}

/** A coordination.k8s.io MicroTime: RFC 3339 with microseconds. */
export function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
