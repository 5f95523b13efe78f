/** Pure: how long ago, as kubectl's AGE column writes it: 45s, 12m, 3h, 5d, 2y (with a second unit when short). */
export function formatAge(since: string | Date | undefined, now: Date): string {
  if (!since) return '';
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes}m${seconds % 60 ? `${seconds % 60}s` : ''}`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return `${hours}h${minutes % 60 ? `${minutes % 60}m` : ''}`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 365 * 2) return `${days}d`;
  return `${Math.floor(days / 365)}y`;
}

/** Pure: an RFC 3339 time as `2026-01-02 03:04:05` (UTC), for snapshot lists. */
export function formatTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
