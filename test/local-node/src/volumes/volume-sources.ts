import type { V1Pod, V1Volume } from '@kubernetes/client-node';
import { join } from 'node:path';
import type { StackLayout } from '../runtime/stack-layout.js';

/** Where a pod volume lives on the host, and who fills it. */
export type VolumeSource =
  | { kind: 'claim'; path: string; claimName: string; readOnly: boolean }
  | { kind: 'emptyDir'; path: string }
  | { kind: 'hostPath'; path: string; create: 'dir' | 'file' | 'none' }
  /** secret, configMap, projected, downwardAPI: files the local node writes into the pod's private dir. */
  | { kind: 'files'; path: string }
  /** Volume types the local node does not provide (nfs, csi…): an empty private directory stands in. */
  | { kind: 'unsupported'; path: string; type: string };

export function filesVolumeDir(layout: StackLayout, podUid: string, volume: string): string {
  return join(layout.podDir(podUid), 'volumes', volume);
}

export function volumeSource(pod: V1Pod, volume: V1Volume, layout: StackLayout): VolumeSource {
  const namespace = pod.metadata!.namespace!;
  const podName = pod.metadata!.name!;
  const uid = pod.metadata!.uid!;
  if (volume.persistentVolumeClaim) {
    const claimName = volume.persistentVolumeClaim.claimName;
    return { kind: 'claim', path: layout.claimDir(namespace, claimName), claimName, readOnly: !!volume.persistentVolumeClaim.readOnly };
  }
  if (volume.emptyDir || volume.ephemeral) return { kind: 'emptyDir', path: layout.emptyDir(namespace, podName, volume.name) };
  if (volume.hostPath) {
    const type = volume.hostPath.type ?? '';
    const create = type === 'DirectoryOrCreate' ? 'dir' : type === 'FileOrCreate' ? 'file' : 'none';
    return { kind: 'hostPath', path: volume.hostPath.path, create };
  }
  if (volume.secret || volume.configMap || volume.projected || volume.downwardAPI) {
    return { kind: 'files', path: filesVolumeDir(layout, uid, volume.name) };
  }
  const type = Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
  return { kind: 'unsupported', path: join(layout.podDir(uid), 'unsupported-volumes', volume.name), type };
}

export function podVolumeSources(pod: V1Pod, layout: StackLayout): Map<string, VolumeSource> {
  return new Map((pod.spec?.volumes ?? []).map((volume) => [volume.name, volumeSource(pod, volume, layout)]));
}
