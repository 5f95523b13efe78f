/** `namespace/name`: how controllers name the objects they reconcile. */
export function objectKey(object: { metadata?: { namespace?: string; name?: string } }): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

export function parseObjectKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** A key as the (namespace, name) pair caches are read by. */
export function objectAddress(key: string): [namespace: string, name: string] {
  const { namespace, name } = parseObjectKey(key);
  return [namespace, name];
}
