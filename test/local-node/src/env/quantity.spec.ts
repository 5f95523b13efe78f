import { parseQuantity } from './quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1Ki', 1024],
    ['2Gi', 2 * 2 ** 30],
    ['1k', 1000],
    ['1e3', 1000],
  ])('%s = %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it('rejects nonsense', () => {
    expect(() => parseQuantity('lots')).toThrow(/invalid quantity/);
  });
});
