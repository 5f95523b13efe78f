import { formatBytes } from './format-bytes.js';
import { parseBytes } from './parse-bytes.js';

describe('parseBytes', () => {
  it('reads what formatBytes writes, to its precision', () => {
    expect(parseBytes('512 B')).toBe(512);
    expect(parseBytes('2.000 KiB')).toBe(2048);
    for (const bytes of [0, 1023, 4096 + 17, 12_345_678, 3 * 2 ** 40]) {
      expect(Math.abs(parseBytes(formatBytes(bytes))! - bytes)).toBeLessThanOrEqual(bytes * 0.0005);
    }
  });

  it('gives undefined for anything else', () => {
    expect(parseBytes(undefined)).toBeUndefined();
    expect(parseBytes('12 MB')).toBeUndefined();
    expect(parseBytes('lots')).toBeUndefined();
  });
});
