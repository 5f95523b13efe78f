import { readFileSync } from 'node:fs';
import { classifyResticFailure, ResticError } from './restic-error.js';
import { describeResticStderr } from './restic-stderr.js';

describe('classifyResticFailure', () => {
  it.each([
    ['Fatal: wrong password or no key found\n', 1, 'wrong-password'],
    [
      'Fatal: unable to open config file: stat /r/config: no such file or directory\nIs there a repository at the following location?\n/r\n',
      1,
      'repository-not-found',
    ],
    [
      'Fatal: unable to open config file: <config/> does not exist\nIs there a repository at the following location?\n',
      1,
      'repository-not-found',
    ],
    ['Fatal: unable to open config file: The specified key does not exist.\n', 1, 'repository-not-found'],
    [
      'Fatal: unable to open config file: unexpected HTTP response (401): 401 Unauthorized\nIs there a repository at the following location?\n',
      1,
      'failed',
    ],
    ['Fatal: create repository at /r failed: config file already exists\n', 1, 'already-initialized'],
    ['unable to create lock in backend: repository is already locked exclusively by PID 11 on vm by root\n', 1, 'locked'],
    ['latest snapshot for criteria not found: no snapshot found Paths:[] Hosts:[]\n', 1, 'snapshot-not-found'],
    ['Fatal: unable to save snapshot: snapshot is empty\n', 1, 'empty-snapshot'],
    ['Warning: at least one source file could not be read\n', 3, 'incomplete-snapshot'],
    ['', null, 'interrupted'],
    ['Fatal: something else\n', 1, 'failed'],
  ] as const)('%j (exit %s) → %s', (stderr, exitCode, reason) => {
    expect(classifyResticFailure(stderr, exitCode)).toBe(reason);
  });
});

describe('ResticError', () => {
  it('names the command, exit code and restic text', () => {
    const error = new ResticError('snapshots', 1, 'Fatal: wrong password or no key found');
    expect(error.message).toBe('restic snapshots failed (exit 1): Fatal: wrong password or no key found');
    expect(error).toMatchObject({ command: 'snapshots', exitCode: 1, reason: 'wrong-password' });
  });
});

describe('describeResticStderr', () => {
  it('turns restic 0.14 JSON error lines into readable text', () => {
    const stderr = readFileSync(new URL('./__fixtures__/backup-unreadable-stderr-0.14.out', import.meta.url), 'utf8');
    expect(describeResticStderr(stderr)).toBe(
      'archival /data/src/secret: open: EACCES\nWarning: at least one source file could not be read',
    );
  });

  it('copes with errors Go serialized as {} or as a message', () => {
    expect(
      describeResticStderr('{"message_type":"error","error":{"Op":"read","Path":"/stdin","Err":{}},"during":"archival","item":"/stdin"}'),
    ).toBe('archival /stdin: read');
    expect(describeResticStderr('{"message_type":"error","error":{"message":"boom"},"item":"/x"}')).toBe('/x: boom');
    expect(describeResticStderr('{"not":"an error"}\nplain')).toBe('{"not":"an error"}\nplain');
  });
});
