import { parseSchedule } from './parse-schedule.js';
import type { Schedule } from './schedule.js';

const MAX_ENTRIES = 10_000;
const parsed = new Map<string, Schedule | Error>();

/**
 * parseSchedule remembered by text. Batches mostly share a few schedules, and each batch's schedule
 * is read again at every validation pass and every metrics scrape; one Schedule per text also lets the
 * batches that fire together share its slot computations. Throws what parseSchedule throws.
 */
export function cachedSchedule(text: string): Schedule {
  let entry = parsed.get(text);
  if (!entry) {
    entry = parseOrError(text);
    if (parsed.size >= MAX_ENTRIES) parsed.clear();
    parsed.set(text, entry);
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

function parseOrError(text: string): Schedule | Error {
  try {
    return parseSchedule(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
