import { formatAge, formatTime } from './age.js';

const now = new Date('2026-01-10T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('formatAge', () => {
  it.each([
    [5, '5s'],
    [119, '119s'],
    [150, '2m30s'],
    [600, '10m'],
    [3 * 3600 + 120, '3h2m'],
    [30 * 3600, '30h'],
    [3 * 86400, '3d'],
    [800 * 86400, '2y'],
  ])('%i seconds ago → %s', (seconds, text) => {
    expect(formatAge(ago(seconds), now)).toBe(text);
  });

  it('is empty without a time and never negative', () => {
    expect(formatAge(undefined, now)).toBe('');
    expect(formatAge(ago(-30), now)).toBe('0s');
  });
});

describe('formatTime', () => {
  it('writes UTC without fractions, and leaves what it cannot parse', () => {
    expect(formatTime('2026-01-02T03:04:05.123456789+01:00')).toBe('2026-01-02 02:04:05Z');
    expect(formatTime('soon')).toBe('soon');
  });
});
