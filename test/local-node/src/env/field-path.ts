import type { V1Pod } from '@kubernetes/client-node';

/** What the pod object alone does not say yet: the node's answers for status fields. */
export interface PodRuntimeFacts {
  readonly nodeName: string;
  readonly podIP: string;
  readonly hostIP: string;
}

/** The downward API: the value of a fieldRef path for a pod, as the kubelet resolves it. */
export function fieldPathValue(pod: V1Pod, fieldPath: string, facts: PodRuntimeFacts): string {
  const labelOrAnnotation = /^metadata\.(labels|annotations)\['([^']*)'\]$/.exec(fieldPath);
  if (labelOrAnnotation) {
    const map = labelOrAnnotation[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[labelOrAnnotation[2]!] ?? '';
  }
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'metadata.labels':
      return formatMap(pod.metadata?.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata?.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? facts.nodeName;
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
    case 'status.podIPs':
      return facts.podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return facts.hostIP;
    default:
      throw new Error(`unsupported fieldRef ${JSON.stringify(fieldPath)}`);
  }
}

/** The downward API file format for labels/annotations: key="value" lines, sorted. */
function formatMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((key) => `${key}=${JSON.stringify(map![key])}`)
    .join('\n');
}
