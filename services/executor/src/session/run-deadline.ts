import { parseDuration } from '@restash/api';

/** The deadline of a BackupSession or RestoreBatch from its spec.timeOut, counted from the object's creation. */
export function runDeadline(object: { metadata: { creationTimestamp?: string } }, timeOut: string | undefined): string | undefined {
  if (!timeOut) return undefined;
  const created = Date.parse(object.metadata.creationTimestamp ?? new Date().toISOString());
  return new Date(created + parseDuration(timeOut)).toISOString();
}
