/** Pure: the first whole minute at least `marginMs` after `now`: the one slot the benchmark's batches share. */
export function slotAfter(now: Date, marginMs: number): Date {
  const minute = 60_000;
  return new Date(Math.ceil((now.getTime() + marginMs) / minute) * minute);
}

/** Pure: a cron schedule (UTC) whose only slot in the next day is `slot`, so a batch fires once during the benchmark. */
export function dailyCronAt(slot: Date): string {
  return `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
}

/** Pure: the scheduler's session name for a batch's slot (`<batch>-<unix seconds>`, as services/scheduler names it). */
export function slotSessionName(batch: string, slot: Date): string {
  return `${batch}-${Math.floor(slot.getTime() / 1000)}`;
}
