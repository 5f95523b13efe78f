import { RecentObjects } from './recent-objects.js';

describe('RecentObjects', () => {
  it('keeps the most recently stored or read values up to its capacity', () => {
    const recent = new RecentObjects<number>(2);
    recent.set('a', 1);
    recent.set('b', 2);
    expect(recent.get('a')).toBe(1); // now the newest
    recent.set('c', 3);
    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual([1, undefined, 3]);
    recent.set('a', 4);
    expect(recent.get('a')).toBe(4);
    recent.delete('a');
    expect(recent.get('a')).toBeUndefined();
    expect(recent.size).toBe(1);
  });
});
