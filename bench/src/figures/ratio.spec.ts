import { median, medianRatio, pairRatio } from './ratio.js';

describe('ratios', () => {
  it('of a pair are restash over direct', () => {
    expect(pairRatio({ restashSeconds: 55, directSeconds: 50 })).toBeCloseTo(1.1);
    expect(() => pairRatio({ restashSeconds: 1, directSeconds: 0 })).toThrow('no time');
  });

  it('are summarised by the median of the pairs, not of the sums', () => {
    const pairs = [
      { restashSeconds: 11, directSeconds: 10 },
      { restashSeconds: 30, directSeconds: 10 }, // one disturbed pair does not move the median
      { restashSeconds: 21, directSeconds: 20 },
    ];
    expect(medianRatio(pairs)).toBeCloseTo(1.1);
  });

  it('take the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('no values');
  });
});
