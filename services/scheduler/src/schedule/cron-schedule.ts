import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { Schedule } from './schedule.js';

const RECENT_ANSWERS = 8;

/** A 5-field cron expression evaluated in a time zone (DST-aware: a skipped hour runs after the jump, a repeated one once). */
export class CronSchedule extends Schedule {
  private readonly expression: CronExpression;
  /** The last few answers: batches sharing this schedule ask for the same slot when they fire together. */
  private readonly recent = new Map<number, number>();

  /** Throws the parser's message when the expression is invalid. */
  constructor(
    readonly text: string,
    fields: string,
    readonly timeZone: string,
  ) {
    super();
    this.expression = CronExpressionParser.parse(fields, { tz: timeZone });
  }

  nextSlot(after: Date): Date {
    let next = this.recent.get(after.getTime());
    if (next === undefined) {
      this.expression.reset(after);
      next = this.expression.next().toDate().getTime();
      if (this.recent.size >= RECENT_ANSWERS) this.recent.clear();
      this.recent.set(after.getTime(), next);
    }
    return new Date(next);
  }
}
