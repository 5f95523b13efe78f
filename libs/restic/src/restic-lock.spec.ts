import { readFileSync } from 'node:fs';
import { lockIsStale, parseLock, STALE_LOCK_AGE_MS } from './restic-lock.js';

const id = 'eb6239c18f3352605e97d8f4fafbfbd9b24f74de0d3ef5d0e3f4d225ecb8f9d7';
const lock = parseLock(id, readFileSync(new URL('./__fixtures__/cat-lock-0.14.out', import.meta.url), 'utf8'));
const lockTime = Date.parse('2026-11-25T01:47:42.958Z');

describe('restic locks', () => {
  it('parses `restic cat lock` output', () => {
    expect(lock).toEqual({ id, time: '2026-11-25T01:47:42.958626503Z', exclusive: false, hostname: 'vm', username: 'root', pid: 1604 });
  });

  it('calls a lock older than 30 minutes stale, wherever it was taken', () => {
    const context = { hostname: 'other', processExists: () => true };
    expect(lockIsStale(lock, { ...context, now: new Date(lockTime + STALE_LOCK_AGE_MS - 1000) })).toBe(false);
    expect(lockIsStale(lock, { ...context, now: new Date(lockTime + STALE_LOCK_AGE_MS + 1000) })).toBe(true);
  });

  it('calls a fresh lock stale when its process on this host is gone', () => {
    const now = new Date(lockTime + 1000);
    expect(lockIsStale(lock, { now, hostname: 'vm', processExists: () => false })).toBe(true);
    expect(lockIsStale(lock, { now, hostname: 'vm', processExists: () => true })).toBe(false);
    expect(lockIsStale(lock, { now, hostname: 'elsewhere', processExists: () => false })).toBe(false);
  });
});
