import { formatDuration } from './format-duration.js';
import { parseDuration } from './parse-duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [150, '150ms'],
    [1.5, '1.5ms'],
    [0.001, '1µs'],
    [0.0015, '1.5µs'],
    [0.000_3, '300ns'],
    [2_003, '2.003s'],
    [90_500, '1m30.5s'],
    [60_000, '1m0s'],
    [3_600_000, '1h0m0s'],
    [5_400_000, '1h30m0s'],
    [90_061_001, '25h1m1.001s'],
    [-2_500, '-2.5s'],
  ])('formats %d ms as %s', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const text of ['1h2m3.456s', '45.5s', '12ms']) expect(formatDuration(parseDuration(text))).toBe(text);
  });
});
