import { catchUpSlots } from './catch-up-slots.js';
import { parseSchedule } from './parse-schedule.js';

const at = (iso: string) => new Date(iso);
const everyMinute = parseSchedule('* * * * *');
const bounds = { now: at('2025-03-29T10:00:30Z'), createdAt: at('2025-03-01T00:00:00Z'), windowMs: 600_000, maxSlots: 10 };
const iso = (slots: Date[]) => slots.map((slot) => slot.toISOString().slice(11, 19));

describe('catchUpSlots', () => {
  it('takes the slots of the window, at most the newest maxSlots', () => {
    expect(iso(catchUpSlots(everyMinute, bounds))).toEqual([
      '09:51:00',
      '09:52:00',
      '09:53:00',
      '09:54:00',
      '09:55:00',
      '09:56:00',
      '09:57:00',
      '09:58:00',
      '09:59:00',
      '10:00:00',
    ]);
    expect(iso(catchUpSlots(everyMinute, { ...bounds, maxSlots: 3 }))).toEqual(['09:58:00', '09:59:00', '10:00:00']);
    expect(catchUpSlots(everyMinute, { ...bounds, maxSlots: 0 })).toEqual([]);
  });

  it('starts after the batch was created', () => {
    expect(iso(catchUpSlots(everyMinute, { ...bounds, createdAt: at('2025-03-29T09:58:00Z') }))).toEqual(['09:59:00', '10:00:00']);
  });

  it('starts after the newest session, so sessions that history cleanup deleted are not created again', () => {
    expect(iso(catchUpSlots(everyMinute, { ...bounds, latestSessionSlot: at('2025-03-29T09:57:00Z') }))).toEqual([
      '09:58:00',
      '09:59:00',
      '10:00:00',
    ]);
    expect(catchUpSlots(everyMinute, { ...bounds, latestSessionSlot: at('2025-03-29T10:00:00Z') })).toEqual([]);
  });

  it('finds nothing for a schedule with no slot in the window', () => {
    expect(catchUpSlots(parseSchedule('@daily'), bounds)).toEqual([]);
  });
});
