import type { V1Container, V1EnvVar, V1Pod } from '@kubernetes/client-node';
import { type EnvSources, ContainerConfigError, lookupKey } from './env-sources.js';
import { type PodRuntimeFacts, fieldPathValue } from './field-path.js';
import { type NodeAllocatable, resourceFieldValue } from './resource-field.js';
import { expandVariables } from './variable-expansion.js';

export interface EnvContext {
  readonly facts: PodRuntimeFacts;
  readonly sources: EnvSources;
  readonly allocatable: NodeAllocatable;
  /** What every process starts with before the pod's own variables (PATH, HOME, HOSTNAME, KUBERNETES_SERVICE_*). */
  readonly base: Readonly<Record<string, string>>;
}

/** A container's environment as a kubelet builds it: base, then envFrom in order, then env in order with $(VAR) expansion. */
export function containerEnv(pod: V1Pod, container: V1Container, ctx: EnvContext): Record<string, string> {
  const env: Record<string, string> = { ...ctx.base };
  for (const from of container.envFrom ?? []) {
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref) continue;
    const kind = from.secretRef ? 'secret' : 'configmap';
    const data = (kind === 'secret' ? ctx.sources.secrets : ctx.sources.configMaps).get(ref.name!);
    if (!data) {
      if (ref.optional) continue;
      throw new ContainerConfigError(`${kind} "${ref.name}" not found`);
    }
    for (const [key, value] of Object.entries(data)) env[`${from.prefix ?? ''}${key}`] = value;
  }
  for (const variable of container.env ?? []) {
    const value = envVarValue(pod, container, variable, env, ctx);
    if (value !== undefined) env[variable.name] = value;
  }
  return env;
}

function envVarValue(
  pod: V1Pod,
  container: V1Container,
  variable: V1EnvVar,
  env: Record<string, string>,
  ctx: EnvContext,
): string | undefined {
  const from = variable.valueFrom;
  if (!from) return expandVariables(variable.value ?? '', env);
  if (from.secretKeyRef) {
    const { name, key, optional } = from.secretKeyRef;
    return lookupKey(ctx.sources, 'secret', name!, key, optional);
  }
  if (from.configMapKeyRef) {
    const { name, key, optional } = from.configMapKeyRef;
    return lookupKey(ctx.sources, 'configmap', name!, key, optional);
  }
  try {
    if (from.fieldRef) return fieldPathValue(pod, from.fieldRef.fieldPath, ctx.facts);
    if (from.resourceFieldRef) {
      const target = from.resourceFieldRef.containerName ? findContainer(pod, from.resourceFieldRef.containerName) : container;
      return resourceFieldValue(target, from.resourceFieldRef, ctx.allocatable);
    }
  } catch (err) {
    throw new ContainerConfigError(`env ${variable.name}: ${(err as Error).message}`);
  }
  throw new ContainerConfigError(`env ${variable.name}: unsupported valueFrom`);
}

function findContainer(pod: V1Pod, name: string): V1Container | undefined {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
}

/** The names of the Secrets and ConfigMaps a container's environment refers to, so they can be fetched first. */
export function envReferences(container: V1Container): { secrets: string[]; configMaps: string[] } {
  const secrets = new Set<string>();
  const configMaps = new Set<string>();
  for (const from of container.envFrom ?? []) {
    if (from.secretRef?.name) secrets.add(from.secretRef.name);
    if (from.configMapRef?.name) configMaps.add(from.configMapRef.name);
  }
  for (const variable of container.env ?? []) {
    if (variable.valueFrom?.secretKeyRef?.name) secrets.add(variable.valueFrom.secretKeyRef.name);
    if (variable.valueFrom?.configMapKeyRef?.name) configMaps.add(variable.valueFrom.configMapKeyRef.name);
  }
  return { secrets: [...secrets], configMaps: [...configMaps] };
}
