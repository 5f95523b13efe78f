import { megabytes, milliseconds, perSecond, seconds, times } from './units.js';

describe('report units', () => {
  it('round each kind of figure the way the report shows it', () => {
    expect(seconds(41.26)).toBe('41.3 s');
    expect(milliseconds(12.5)).toBe('13 ms');
    expect(times(1.0749)).toBe('1.07×');
    expect(perSecond(3.456)).toBe('3.46/s');
    expect(megabytes(150_400_000)).toBe('150 MB');
  });
});
