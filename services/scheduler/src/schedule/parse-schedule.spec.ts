import { parseSchedule } from './parse-schedule.js';

const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

function nextSlots(text: string, after: string, count: number): string[] {
  const schedule = parseSchedule(text);
  const slots = [schedule.nextSlot(at(after))];
  while (slots.length < count) slots.push(schedule.nextSlot(slots.at(-1)!));
  return iso(slots);
}

describe('parseSchedule', () => {
  it('evaluates 5-field cron expressions in UTC by default', () => {
    expect(nextSlots('*/15 * * * *', '2025-03-29T00:07:10Z', 3)).toEqual([
      '2025-03-29T00:15:00.000Z',
      '2025-03-29T00:30:00.000Z',
      '2025-03-29T00:45:00.000Z',
    ]);
    expect(nextSlots('0 2 * * 1-5', '2025-03-28T03:00:00Z', 2)).toEqual(['2025-03-31T02:00:00.000Z', '2025-04-01T02:00:00.000Z']);
  });

  it('returns the slot strictly after the given time', () => {
    const schedule = parseSchedule('*/15 * * * *');
    expect(schedule.nextSlot(at('2025-03-29T00:15:00Z')).toISOString()).toBe('2025-03-29T00:30:00.000Z');
    expect(schedule.nextSlot(at('2025-03-29T00:14:59.500Z')).toISOString()).toBe('2025-03-29T00:15:00.000Z');
  });

  it.each([
    ['@yearly', '2026-01-01T00:00:00.000Z'],
    ['@annually', '2026-01-01T00:00:00.000Z'],
    ['@monthly', '2025-04-01T00:00:00.000Z'],
    ['@weekly', '2025-03-30T00:00:00.000Z'],
    ['@daily', '2025-03-30T00:00:00.000Z'],
    ['@midnight', '2025-03-30T00:00:00.000Z'],
    ['@hourly', '2025-03-29T11:00:00.000Z'],
  ])('understands %s', (text, next) => {
    expect(parseSchedule(text).nextSlot(at('2025-03-29T10:30:00Z')).toISOString()).toBe(next);
  });

  it('aligns @every slots to whole multiples of the interval since the epoch, whenever it is asked', () => {
    expect(nextSlots('@every 3s', '2025-03-29T10:00:01.500Z', 3)).toEqual([
      '2025-03-29T10:00:03.000Z',
      '2025-03-29T10:00:06.000Z',
      '2025-03-29T10:00:09.000Z',
    ]);
    const hourAndHalf = parseSchedule('@every 1h30m').nextSlot(at('2025-03-29T10:00:00Z')).getTime();
    expect(hourAndHalf % 5_400_000).toBe(0);
    expect(nextSlots('@every 2.5s', '1970-01-01T00:00:00Z', 2)).toEqual(['1970-01-01T00:00:02.000Z', '1970-01-01T00:00:04.000Z']);
    expect(nextSlots('@every 300ms', '1970-01-01T00:00:00Z', 1)).toEqual(['1970-01-01T00:00:01.000Z']);
  });

  it('evaluates cron in the CRON_TZ= or TZ= zone, following daylight saving time', () => {
    // Europe/Berlin moves from UTC+1 to UTC+2 on 2025-03-30: 09:00 local is 08:00Z, then 07:00Z.
    expect(nextSlots('CRON_TZ=Europe/Berlin 0 9 * * *', '2025-03-29T00:00:00Z', 3)).toEqual([
      '2025-03-29T08:00:00.000Z',
      '2025-03-30T07:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
    ]);
    // 01:30 happens twice in New York on 2025-11-02 (EDT, then EST): one slot, not two.
    expect(nextSlots('TZ=America/New_York 30 1 * * *', '2025-11-01T12:00:00Z', 2)).toEqual([
      '2025-11-02T05:30:00.000Z',
      '2025-11-03T06:30:00.000Z',
    ]);
  });

  it('lists the slots in (from, to]', () => {
    const schedule = parseSchedule('@every 10s');
    expect(iso(schedule.slotsBetween(at('2025-01-01T00:00:00Z'), at('2025-01-01T00:00:30Z')))).toEqual([
      '2025-01-01T00:00:10.000Z',
      '2025-01-01T00:00:20.000Z',
      '2025-01-01T00:00:30.000Z',
    ]);
    expect(schedule.slotsBetween(at('2025-01-01T00:00:01Z'), at('2025-01-01T00:00:09Z'))).toEqual([]);
  });

  it.each([
    ['', 'schedule is empty'],
    ['* * *', '"* * *" has 3 fields; expected 5 (minute hour day-of-month month day-of-week)'],
    ['0 0 0 * * *', 'has 6 fields; expected 5'],
    ['61 * * * *', 'invalid cron expression "61 * * * *": Constraint error, got value 61 expected range 0-59'],
    ['not a cron', 'has 3 fields'],
    ['a b c d e', 'invalid cron expression "a b c d e"'],
    [
      '@reboot',
      'unknown descriptor "@reboot" (use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>)',
    ],
    ['@every', 'unknown descriptor "@every"'],
    ['@every soon', '@every: invalid duration "soon"'],
    ['@every -5s', '@every: the interval must be positive (got "-5s")'],
    ['CRON_TZ=Mars/Olympus 0 9 * * *', 'unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Berlin)'],
  ])('rejects %j with a clear message', (text, message) => {
    expect(() => parseSchedule(text)).toThrow(message);
  });
});
