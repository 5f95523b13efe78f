import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { Schedule } from './schedule.js';

/** A 5-field cron expression evaluated in a time zone (DST-aware: a skipped hour runs after the jump, a repeated one once). */
export class CronSchedule extends Schedule {
  private readonly expression: CronExpression;

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
    this.expression.reset(after);
    return this.expression.next().toDate();
  }
}
