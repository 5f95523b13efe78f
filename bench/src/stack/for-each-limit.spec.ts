import { forEachLimit } from './for-each-limit.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('forEachLimit', () => {
  it('does every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running++;
      most = Math.max(most, running);
      await tick();
      done.push(item);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('rejects with a failure after the other workers finished', async () => {
    const done: number[] = [];
    const work = forEachLimit([1, 2, 3], 2, async (item) => {
      await tick();
      if (item === 1) throw new Error('one failed');
      done.push(item);
    });
    await expect(work).rejects.toThrow('one failed');
    expect(done).toEqual([2, 3]);
  });
});
