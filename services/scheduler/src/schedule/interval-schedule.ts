import { Schedule } from './schedule.js';

/** `@every <duration>`: slots at whole multiples of the interval since the Unix epoch, so replicas agree. */
export class IntervalSchedule extends Schedule {
  constructor(
    readonly text: string,
    readonly intervalMs: number,
  ) {
    super();
  }

  nextSlot(after: Date): Date {
    return new Date((Math.floor(after.getTime() / this.intervalMs) + 1) * this.intervalMs);
  }
}
