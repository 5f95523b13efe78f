import { DueList } from './due-list.js';

const { jest: fake } = import.meta as unknown as { jest: typeof jest };

describe('DueList', () => {
  beforeEach(() => {
    fake.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
  });
  afterEach(() => {
    fake.useRealTimers();
  });

  const after = (ms: number) => new Date(Date.now() + ms);

  it('fires each entry once at its due time, behind a single timer', async () => {
    const fired: string[] = [];
    const list = new DueList((key) => fired.push(`${key}@${Date.now() % 100_000}`));
    list.set('b', after(2000));
    list.set('a', after(1000));
    list.set('c', after(2000));
    expect(fake.getTimerCount()).toBe(1);
    await fake.advanceTimersByTimeAsync(1000);
    expect(fired).toEqual(['a@1000']);
    await fake.advanceTimersByTimeAsync(5000);
    expect(fired).toEqual(['a@1000', 'b@2000', 'c@2000']);
    expect(list.size).toBe(0);
  });

  it('lets the callback set the next due time, replaces and deletes entries', async () => {
    const fired: string[] = [];
    const list = new DueList((key, due) => {
      fired.push(`${key}@${due.getTime() % 100_000}`);
      if (key === 'repeat') list.set(key, new Date(due.getTime() + 500));
    });
    list.set('repeat', after(500));
    list.set('moved', after(100));
    list.set('moved', after(1200));
    list.set('gone', after(700));
    list.delete('gone');
    await fake.advanceTimersByTimeAsync(1600);
    expect(fired).toEqual(['repeat@500', 'repeat@1000', 'moved@1200', 'repeat@1500']);
    list.clear();
    await fake.advanceTimersByTimeAsync(5000);
    expect(fired).toHaveLength(4);
  });

  it('waits in steps for due times beyond what one Node timer can hold', async () => {
    const fired: string[] = [];
    const list = new DueList((key) => fired.push(key));
    const year = 365 * 24 * 3600 * 1000;
    list.set('yearly', after(year));
    await fake.advanceTimersByTimeAsync(year - 1000);
    expect(fired).toEqual([]);
    await fake.advanceTimersByTimeAsync(1000);
    expect(fired).toEqual(['yearly']);
  });
});
