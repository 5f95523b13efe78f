import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { SecretScrubber, secretScrubber } from './secret-scrubber.js';

describe('SecretScrubber', () => {
  it('removes remembered values from text and nested records', () => {
    const scrubber = new SecretScrubber();
    scrubber.remember('hunter22', 's3cr3t-token', undefined, 'ab');
    expect(scrubber.scrub('password hunter22 in "Access denied hunter22"')).toBe('password [REDACTED] in "Access denied [REDACTED]"');
    expect(scrubber.scrubValue({ a: ['x s3cr3t-token y'], b: { c: 'ab' } })).toEqual({ a: ['x [REDACTED] y'], b: { c: 'ab' } });
  });

  it('keeps remembered secrets and secret fields out of log lines', () => {
    const lines: string[] = [];
    const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const logger = createLogger({ service: 'test', destination });
    secretScrubber.remember('pa55word-value');
    logger.info({ member: 'db', error: 'login failed for pa55word-value', RESTIC_PASSWORD: 'other-secret' }, 'dump pa55word-value failed');
    const line = lines.join('');
    expect(line).toContain('"service":"test"');
    expect(line).not.toContain('pa55word-value');
    expect(line).not.toContain('other-secret');
  });
});
