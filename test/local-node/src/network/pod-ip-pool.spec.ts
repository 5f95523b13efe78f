import { PodIPPool } from './pod-ip-pool.js';

describe('PodIPPool', () => {
  it('hands out the lowest free address and reuses released ones', () => {
    const pool = new PodIPPool('198.18.0.0/16');
    expect(pool.allocate('a')).toBe('198.18.0.1');
    expect(pool.allocate('b')).toBe('198.18.0.2');
    expect(pool.allocate('a')).toBe('198.18.0.1');
    pool.release('a');
    expect(pool.allocate('c')).toBe('198.18.0.1');
  });

  it('keeps adopted addresses, refusing one already held or outside the network', () => {
    const pool = new PodIPPool();
    expect(pool.reserve('a', '198.18.0.5')).toBe(true);
    expect(pool.reserve('b', '198.18.0.5')).toBe(false);
    expect(pool.reserve('b', '127.0.1.1')).toBe(false);
    expect(pool.ipOf('a')).toBe('198.18.0.5');
  });

  it('wraps into the next /24 after .254', () => {
    const pool = new PodIPPool('10.77.0.0/16');
    for (let i = 0; i < 254; i++) pool.allocate(`p${i}`);
    expect(pool.allocate('next')).toBe('10.77.1.1');
  });
});
