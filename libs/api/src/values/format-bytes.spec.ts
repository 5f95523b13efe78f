import { formatBytes } from './format-bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.000 KiB'],
    [2_629, '2.567 KiB'],
    [13_170_115, '12.560 MiB'],
    [5 * 2 ** 30, '5.000 GiB'],
    [1.5 * 2 ** 40, '1.500 TiB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
