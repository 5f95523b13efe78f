import { createHash } from 'node:crypto';

const MAX_NAME = 63;

/**
 * `<session>-<member key>`, shortened with a hash suffix when longer than a Job name may be
 * (the job controller puts it in a label, so 63 characters), and still unique per session+member.
 */
export function memberJobName(sessionName: string, memberKey: string): string {
  const name = `${sessionName}-${memberKey}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  if (name.length <= MAX_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_NAME - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** Whole seconds from now until an ISO deadline, at least 1 (a Job's activeDeadlineSeconds). */
export function secondsUntil(deadline: string | undefined): number | undefined {
  return deadline ? Math.max(1, Math.ceil((Date.parse(deadline) - Date.now()) / 1000)) : undefined;
}
