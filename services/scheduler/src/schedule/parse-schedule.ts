import { InvalidDurationError, parseDuration } from '@restash/api';
import { CronSchedule } from './cron-schedule.js';
import { IntervalSchedule } from './interval-schedule.js';
import type { Schedule } from './schedule.js';

/** A schedule that cannot run; the message is written for the batch's condition. */
export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

/** Go cron's descriptors (robfig/cron, as Stash uses them). */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const ZONE_PREFIX = /^(?:CRON_TZ|TZ)=(\S*)\s+(.*)$/s;
const EVERY = /^@every\s+(\S+)$/;

/**
 * Parses `spec.schedule`: 5 cron fields, a descriptor (@daily…) or `@every <Go duration>`, optionally
 * prefixed by `CRON_TZ=<zone> ` or `TZ=<zone> ` (default UTC).
 */
export function parseSchedule(text: string): Schedule {
  const trimmed = text.trim();
  if (!trimmed) throw new ScheduleError('schedule is empty');
  const zoned = ZONE_PREFIX.exec(trimmed);
  const timeZone = zoned ? checkTimeZone(zoned[1]!) : 'UTC';
  const body = zoned ? zoned[2]!.trim() : trimmed;
  const every = EVERY.exec(body);
  if (every) return new IntervalSchedule(text, intervalMs(every[1]!));
  if (body.startsWith('@')) {
    const fields = DESCRIPTORS[body];
    if (!fields) throw new ScheduleError(`unknown descriptor "${body}" (use ${Object.keys(DESCRIPTORS).join(', ')} or @every <duration>)`);
    return new CronSchedule(text, fields, timeZone);
  }
  return cronSchedule(text, body, timeZone);
}

function cronSchedule(text: string, fields: string, timeZone: string): Schedule {
  const count = fields.split(/\s+/).length;
  if (count !== 5) throw new ScheduleError(`"${fields}" has ${count} fields; expected 5 (minute hour day-of-month month day-of-week)`);
  try {
    return new CronSchedule(text, fields, timeZone);
  } catch (error) {
    throw new ScheduleError(`invalid cron expression "${fields}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whole seconds, at least one, as Go's cron rounds `@every`: session names carry the slot's second. */
function intervalMs(duration: string): number {
  let ms: number;
  try {
    ms = parseDuration(duration);
  } catch (error) {
    throw new ScheduleError(`@every: ${error instanceof InvalidDurationError ? error.message : String(error)}`);
  }
  if (ms <= 0) throw new ScheduleError(`@every: the interval must be positive (got "${duration}")`);
  return Math.max(1000, Math.floor(ms / 1000) * 1000);
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new ScheduleError(`unknown time zone "${zone}" (use an IANA name such as Europe/Berlin)`);
  }
}
