import { InvalidDurationError, parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['300ms', 300],
    ['2m3.5s', 123_500],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['-5s', -5_000],
    ['+5s', 5_000],
    ['.5s', 500],
  ])('parses %s', (text, milliseconds) => {
    expect(parseDuration(text)).toBeCloseTo(milliseconds, 9);
  });

  it.each([
    ['', /empty/],
    ['90', /missing unit after 90/],
    ['5 minutes', /unknown unit " minutes"/],
    ['1x', /unknown unit "x"/],
    ['h', /expected a number/],
    ['-', /empty/],
  ])('rejects %j', (text, reason) => {
    expect(() => parseDuration(text)).toThrow(InvalidDurationError);
    expect(() => parseDuration(text)).toThrow(reason);
  });

  it('names the text in the error', () => {
    expect(() => parseDuration('1x')).toThrow('invalid duration "1x"');
  });
});
