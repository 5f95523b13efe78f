import type { V1LabelSelector } from '@kubernetes/client-node';

/** Pure: a workload's selector as the `labelSelector` query of a pod list (a ReplicationController's is a plain map). */
export function labelSelectorQuery(selector: V1LabelSelector | Record<string, string> | undefined): string {
  if (!selector) return '';
  if (!('matchLabels' in selector) && !('matchExpressions' in selector)) return pairs(selector as Record<string, string>);
  const { matchLabels, matchExpressions = [] } = selector as V1LabelSelector;
  const expressions = matchExpressions.map(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return `${key} in (${values.join(',')})`;
      case 'NotIn':
        return `${key} notin (${values.join(',')})`;
      case 'Exists':
        return key;
      case 'DoesNotExist':
        return `!${key}`;
      default:
        throw new Error(`unknown label selector operator ${operator}`);
    }
  });
  return [pairs(matchLabels ?? {}), ...expressions].filter(Boolean).join(',');
}

function pairs(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
