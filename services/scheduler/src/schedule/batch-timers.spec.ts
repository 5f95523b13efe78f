import { BatchTimers } from './batch-timers.js';
import { parseSchedule } from './parse-schedule.js';

const { jest: fake } = import.meta as unknown as { jest: typeof jest };

describe('BatchTimers', () => {
  let slots: string[];
  let timers: BatchTimers;

  beforeEach(() => {
    fake.useFakeTimers({ now: new Date('2025-01-01T00:00:00.500Z') });
    slots = [];
    timers = new BatchTimers((key, slot) => slots.push(`${key}@${slot.toISOString().slice(17, 19)}`));
  });
  afterEach(() => {
    timers.clear();
    fake.useRealTimers();
  });

  it('calls back at every slot of every batch', async () => {
    timers.set('demo/a', parseSchedule('@every 2s'));
    timers.set('demo/b', parseSchedule('@every 3s'));
    await fake.advanceTimersByTimeAsync(6000);
    expect(slots.sort()).toEqual(['demo/a@02', 'demo/a@04', 'demo/a@06', 'demo/b@03', 'demo/b@06']);
  });

  it('keeps the timer of an unchanged schedule, moves a changed one and stops a removed one', async () => {
    timers.set('demo/a', parseSchedule('@every 2s'));
    await fake.advanceTimersByTimeAsync(1000);
    timers.set('demo/a', parseSchedule('@every 2s'));
    await fake.advanceTimersByTimeAsync(1000);
    expect(slots).toEqual(['demo/a@02']);
    timers.set('demo/a', parseSchedule('@every 5s'));
    await fake.advanceTimersByTimeAsync(3000);
    expect(slots).toEqual(['demo/a@02', 'demo/a@05']);
    timers.set('demo/a', undefined);
    expect(timers.has('demo/a')).toBe(false);
    await fake.advanceTimersByTimeAsync(10_000);
    expect(slots).toEqual(['demo/a@02', 'demo/a@05']);
  });
});
