import type { V1DownwardAPIVolumeFile, V1KeyToPath, V1Pod, V1Volume } from '@kubernetes/client-node';
import { normalize } from 'node:path';
import { ContainerConfigError } from '../env/env-sources.js';
import { type PodRuntimeFacts, fieldPathValue } from '../env/field-path.js';
import { type NodeAllocatable, resourceFieldValue } from '../env/resource-field.js';

/** A file of a secret/configMap/projected/downwardAPI volume, relative to the volume's directory. */
export interface VolumeFile {
  readonly path: string;
  readonly content: Buffer;
  readonly mode: number;
}

export interface TokenSpec {
  readonly audience?: string;
  readonly expirationSeconds: number;
}

/** Everything the volume files are made of, fetched beforehand; undefined means the object does not exist. */
export interface VolumeData {
  secret(name: string): Readonly<Record<string, Buffer>> | undefined;
  configMap(name: string): Readonly<Record<string, Buffer>> | undefined;
  token(spec: TokenSpec): string;
  readonly facts: PodRuntimeFacts;
  readonly allocatable: NodeAllocatable;
}

export const defaultTokenExpirationSeconds = 3607;

export function tokenSpecs(volume: V1Volume): TokenSpec[] {
  return (volume.projected?.sources ?? [])
    .filter((s) => s.serviceAccountToken)
    .map((s) => ({
      audience: s.serviceAccountToken!.audience,
      expirationSeconds: s.serviceAccountToken!.expirationSeconds ?? defaultTokenExpirationSeconds,
    }));
}

export function volumeFiles(pod: V1Pod, volume: V1Volume, data: VolumeData): VolumeFile[] {
  if (volume.secret) {
    const { secretName, items, optional, defaultMode } = volume.secret;
    return keyedFiles('secret', secretName!, data.secret(secretName!), items, optional, defaultMode ?? 0o644);
  }
  if (volume.configMap) {
    const { name, items, optional, defaultMode } = volume.configMap;
    return keyedFiles('configmap', name!, data.configMap(name!), items, optional, defaultMode ?? 0o644);
  }
  if (volume.downwardAPI) return downwardFiles(pod, volume.downwardAPI.items ?? [], data, volume.downwardAPI.defaultMode ?? 0o644);
  if (volume.projected) {
    const mode = volume.projected.defaultMode ?? 0o644;
    return (volume.projected.sources ?? []).flatMap((source): VolumeFile[] => {
      if (source.secret)
        return keyedFiles(
          'secret',
          source.secret.name!,
          data.secret(source.secret.name!),
          source.secret.items,
          source.secret.optional,
          mode,
        );
      if (source.configMap) {
        const { name, items, optional } = source.configMap;
        return keyedFiles('configmap', name!, data.configMap(name!), items, optional, mode);
      }
      if (source.downwardAPI) return downwardFiles(pod, source.downwardAPI.items ?? [], data, mode);
      if (source.serviceAccountToken) {
        const { audience, expirationSeconds, path } = source.serviceAccountToken;
        const token = data.token({ audience, expirationSeconds: expirationSeconds ?? defaultTokenExpirationSeconds });
        return [{ path: safePath(path), content: Buffer.from(token), mode: 0o600 }];
      }
      return [];
    });
  }
  return [];
}

function keyedFiles(
  kind: 'secret' | 'configmap',
  name: string,
  entries: Readonly<Record<string, Buffer>> | undefined,
  items: V1KeyToPath[] | undefined,
  optional: boolean | undefined,
  defaultMode: number,
): VolumeFile[] {
  if (!entries) {
    if (optional) return [];
    throw new ContainerConfigError(`${kind} "${name}" not found`);
  }
  if (!items?.length) return Object.entries(entries).map(([key, content]) => ({ path: safePath(key), content, mode: defaultMode }));
  return items.flatMap((item) => {
    const content = entries[item.key];
    if (content === undefined) {
      if (optional) return [];
      throw new ContainerConfigError(`configmap or secret ${name}: key ${item.key} not found`);
    }
    return [{ path: safePath(item.path), content, mode: item.mode ?? defaultMode }];
  });
}

function downwardFiles(pod: V1Pod, items: V1DownwardAPIVolumeFile[], data: VolumeData, defaultMode: number): VolumeFile[] {
  return items.map((item) => {
    let value = '';
    if (item.fieldRef) value = fieldPathValue(pod, item.fieldRef.fieldPath, data.facts);
    else if (item.resourceFieldRef) {
      const container = pod.spec?.containers.find((c) => c.name === item.resourceFieldRef!.containerName);
      value = resourceFieldValue(container, item.resourceFieldRef, data.allocatable);
    }
    return { path: safePath(item.path), content: Buffer.from(value), mode: item.mode ?? defaultMode };
  });
}

function safePath(path: string): string {
  const clean = normalize(path);
  if (clean.startsWith('/') || clean === '..' || clean.startsWith('../'))
    throw new ContainerConfigError(`volume file path ${JSON.stringify(path)} leaves the volume`);
  return clean;
}
