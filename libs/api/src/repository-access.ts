import type { Repository } from './schemas/repository.js';
import { matchesLabelSelector } from './label-selector-match.js';

/** Whether the Repository admits namespaces by label, so the batch namespace's labels must be read. */
export function admitsBySelector(repository: Repository): boolean {
  return repository.spec.usagePolicy?.allowedNamespaces?.from === 'Selector';
}

/**
 * Why a batch in `namespace` may not use the Repository (its usagePolicy.allowedNamespaces, default
 * Same), or undefined when it may.
 */
export function repositoryAccessDenial(
  repository: Repository,
  namespace: string,
  namespaceLabels: Record<string, string> = {},
): string | undefined {
  const allowed = repository.spec.usagePolicy?.allowedNamespaces;
  const from = allowed?.from ?? 'Same';
  const where = `${repository.metadata.namespace}/${repository.metadata.name}`;
  if (namespace === repository.metadata.namespace || from === 'All') return undefined;
  if (from === 'Selector' && allowed?.selector && matchesLabelSelector(allowed.selector, namespaceLabels)) return undefined;
  const policy =
    from === 'Selector'
      ? "its usagePolicy.allowedNamespaces.selector does not match the namespace's labels"
      : 'its usagePolicy.allowedNamespaces.from is Same';
  return `Repository ${where} may not be used from namespace ${namespace}: ${policy}.`;
}
