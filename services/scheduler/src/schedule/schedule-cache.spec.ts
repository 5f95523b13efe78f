import { ScheduleError } from './parse-schedule.js';
import { cachedSchedule } from './schedule-cache.js';

describe('cached schedules', () => {
  it('are parsed once per text and shared', () => {
    const first = cachedSchedule('*/5 * * * *');
    expect(cachedSchedule('*/5 * * * *')).toBe(first);
    expect(cachedSchedule('*/10 * * * *')).not.toBe(first);
    expect(first.nextSlot(new Date('2026-01-01T00:01:00Z'))).toEqual(new Date('2026-01-01T00:05:00Z'));
  });

  it('throw the same error for the same invalid text', () => {
    expect(() => cachedSchedule('61 * * * *')).toThrow(ScheduleError);
    expect(() => cachedSchedule('61 * * * *')).toThrow(ScheduleError);
  });
});
