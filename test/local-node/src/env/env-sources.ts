/** The decoded data of the Secrets and ConfigMaps a pod refers to; an absent name means the object does not exist. */
export interface EnvSources {
  readonly secrets: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly configMaps: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** The failure a kubelet reports as CreateContainerConfigError: the container waits until it is fixed. */
export class ContainerConfigError extends Error {
  override readonly name = 'ContainerConfigError';
}

export function lookupKey(
  sources: EnvSources,
  kind: 'secret' | 'configmap',
  name: string,
  key: string,
  optional: boolean | undefined,
): string | undefined {
  const data = (kind === 'secret' ? sources.secrets : sources.configMaps).get(name);
  if (!data) {
    if (optional) return undefined;
    throw new ContainerConfigError(`${kind} "${name}" not found`);
  }
  if (!Object.hasOwn(data, key)) {
    if (optional) return undefined;
    throw new ContainerConfigError(`couldn't find key ${key} in ${kind === 'secret' ? 'Secret' : 'ConfigMap'} ${name}`);
  }
  return data[key];
}
