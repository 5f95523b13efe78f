import { KeyedBatcher, type Settled } from './keyed-batcher.js';

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));
const ok = <T>(value: T): Settled<T> => ({ ok: true, value });

describe('KeyedBatcher', () => {
  it("hands a key's items over together once the first has lingered, one result each", async () => {
    const batches: string[][] = [];
    const batcher = new KeyedBatcher<string, string>(async (key, items) => {
      batches.push([key, ...items]);
      return items.map((item) => ok(item.toUpperCase()));
    }, 5);
    const results = await Promise.all([batcher.add('a', 'x'), batcher.add('a', 'y'), batcher.add('b', 'z')]);
    expect(results).toEqual(['X', 'Y', 'Z']);
    expect(batches).toEqual([['a', 'x', 'y'], ['b', 'z']]);
    expect(batcher.size).toBe(0);
  });

  it("never flushes one key twice at once: what arrives meanwhile goes into the next batch, right after", async () => {
    const log: string[] = [];
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      log.push(`start ${items.join(',')}`);
      await tick(10);
      log.push(`end ${items.join(',')}`);
      return items.map(ok);
    }, 0);
    const first = batcher.add('a', 1);
    await tick(3);
    const later = [batcher.add('a', 2), batcher.add('a', 3)];
    await Promise.all([first, ...later]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2,3', 'end 2,3']);
  });

  it('fails only the items that failed, or every item when the whole batch did', async () => {
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      if (items.includes(0)) throw new Error('batch failed');
      return items.map((item) => (item < 0 ? { ok: false, error: new Error(`bad ${item}`) } : ok(item)));
    }, 1);
    const mixed = await Promise.allSettled([batcher.add('a', 1), batcher.add('a', -1)]);
    expect(mixed.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    const whole = await Promise.allSettled([batcher.add('a', 0), batcher.add('a', 2)]);
    expect(whole.map((result) => (result.status === 'rejected' ? (result.reason as Error).message : 'ok'))).toEqual(['batch failed', 'batch failed']);
  });
});
