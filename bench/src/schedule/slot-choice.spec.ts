import { dailyCronAt, slotAfter, slotSessionName } from './slot-choice.js';

describe('the shared slot', () => {
  it('is the first whole minute at least the margin ahead', () => {
    expect(slotAfter(new Date('2026-01-01T10:00:30Z'), 120_000)).toEqual(new Date('2026-01-01T10:03:00Z'));
    expect(slotAfter(new Date('2026-01-01T10:01:00Z'), 120_000)).toEqual(new Date('2026-01-01T10:03:00Z'));
  });

  it('is the only slot of a daily cron schedule in UTC', () => {
    expect(dailyCronAt(new Date('2026-01-01T23:07:00Z'))).toBe('7 23 * * *');
  });

  it("names its sessions as the scheduler does", () => {
    expect(slotSessionName('batch-0001', new Date('2025-03-29T10:00:03Z'))).toBe('batch-0001-1743242403');
  });
});
