import { readFileSync } from 'node:fs';
import { backupArgs, stdinBackupArgs } from './backup-args.js';
import { parseBackupLine, type BackupMessage } from './backup-output.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');

describe('parseBackupLine', () => {
  it('reads the summary of a first backup (restic 0.14 prints the short id)', () => {
    const messages = fixture('backup-0.14.out').map(parseBackupLine);
    expect(messages.at(-1)).toEqual({
      type: 'summary',
      summary: {
        snapshotId: '99a16f1c',
        shortId: '99a16f1c',
        filesNew: 3,
        filesChanged: 0,
        filesUnmodified: 0,
        totalFilesProcessed: 3,
        totalBytesProcessed: 6,
        dataAdded: 1748,
        durationSeconds: 0.209543924,
      },
    });
  });

  it('counts a modified file', () => {
    const summary = fixture('backup-modified-0.14.out')
      .map(parseBackupLine)
      .find((m) => m.type === 'summary');
    expect(summary).toMatchObject({ summary: { filesNew: 0, filesChanged: 1, filesUnmodified: 2 } });
  });

  it('reads progress, filling fields restic omits with 0', () => {
    const progress = fixture('backup-progress-0.14.out')
      .map(parseBackupLine)
      .filter((m): m is Extract<BackupMessage, { type: 'status' }> => m.type === 'status');
    expect(progress.map((m) => m.progress)).toEqual([
      { percentDone: 0, filesDone: 0, totalFiles: 1, bytesDone: 0, totalBytes: 300000000 },
      { percentDone: 0.7952994374273445, filesDone: 3, totalFiles: 4, bytesDone: 238589836, totalBytes: 300000006 },
    ]);
  });

  it('ignores lines that are not backup messages', () => {
    expect(parseBackupLine('Warning: something')).toEqual({ type: 'other' });
    expect(parseBackupLine('{"message_type":"verbose_status"}')).toEqual({ type: 'other' });
  });
});

describe('backup arguments', () => {
  it('puts paths after -- and tags in one list', () => {
    expect(backupArgs({ paths: ['/data', '-odd'], exclude: ['*.tmp'], host: 'host-0', tags: ['a', 'b'] })).toEqual([
      'backup',
      '--json',
      '--host',
      'host-0',
      '--tag',
      'a,b',
      '--exclude',
      '*.tmp',
      '--',
      '/data',
      '-odd',
    ]);
  });

  it('names the stdin file dumpfile.sql by default', () => {
    expect(stdinBackupArgs({ host: 'host-0' })).toEqual([
      'backup',
      '--json',
      '--stdin',
      '--stdin-filename',
      'dumpfile.sql',
      '--host',
      'host-0',
    ]);
  });

  it('refuses a backup of nothing', () => {
    expect(() => backupArgs({ paths: [], host: 'h' })).toThrow('at least one path');
  });
});
