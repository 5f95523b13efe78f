import { distribution, percentile } from './percentiles.js';

describe('percentiles', () => {
  it('take the nearest rank, so each is one of the values', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarise a distribution without changing its input', () => {
    const values = [0.4, 0.1, 0.3, 0.2];
    expect(distribution(values)).toEqual({ count: 4, p50: 0.2, p99: 0.4, max: 0.4 });
    expect(values).toEqual([0.4, 0.1, 0.3, 0.2]);
  });

  it('refuse what has no answer', () => {
    expect(() => percentile([], 50)).toThrow('no values');
    expect(() => percentile([1], 0)).toThrow('not in (0, 100]');
  });
});
