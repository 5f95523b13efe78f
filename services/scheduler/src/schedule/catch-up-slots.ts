import type { Schedule } from './schedule.js';

export interface CatchUpBounds {
  now: Date;
  /** The batch's creation: no slot before it was ever due. */
  createdAt: Date;
  /** The slot of the batch's newest scheduled session, if one exists. */
  latestSessionSlot?: Date;
  windowMs: number;
  maxSlots: number;
}

/**
 * The slots a new leader creates sessions for, so none is lost while no replica led: those in
 * (latest of creation, now − window, newest session's slot; now], at most the newest `maxSlots`.
 * Starting after the newest session keeps finished sessions that history cleanup deleted from running again.
 */
export function catchUpSlots(schedule: Schedule, { now, createdAt, latestSessionSlot, windowMs, maxSlots }: CatchUpBounds): Date[] {
  const from = Math.max(createdAt.getTime(), now.getTime() - windowMs, latestSessionSlot?.getTime() ?? -Infinity);
  return maxSlots > 0 ? schedule.slotsBetween(new Date(from), now).slice(-maxSlots) : [];
}
