import { readFileSync } from 'node:fs';
import { parseSnapshots } from './snapshot.js';
import { snapshotFilterArgs } from './snapshot-filter.js';
import { snapshotStats } from './snapshot-stats.js';
import { parseStats } from './stats-output.js';

describe('parseSnapshots', () => {
  it('reads restic 0.14 snapshots output', () => {
    const snapshots = parseSnapshots(readFileSync(new URL('./__fixtures__/snapshots-0.14.out', import.meta.url), 'utf8'));
    expect(snapshots).toHaveLength(3);
    expect(snapshots[0]).toEqual({
      id: '99a16f1c2f7857f1ee244db87fc41e008ef44487ccf45c5e25fafd304ca94a85',
      shortId: '99a16f1c',
      time: '2026-11-25T01:54:01.76875621Z',
      hostname: 'host-0',
      paths: ['/data/src'],
      tags: ['nightly'],
    });
    expect(snapshots[1]).toMatchObject({ tags: [], parent: snapshots[0]!.id });
  });

  it('reads an empty repository', () => {
    expect(parseSnapshots('[]\n')).toEqual([]);
  });
});

describe('snapshotFilterArgs', () => {
  it('requires all tags and every path', () => {
    expect(snapshotFilterArgs({ host: 'host-1', tags: ['a', 'b'], paths: ['/x', '/y'] })).toEqual([
      '--host',
      'host-1',
      '--tag',
      'a,b',
      '--path',
      '/x',
      '--path',
      '/y',
    ]);
    expect(snapshotFilterArgs({})).toEqual([]);
  });
});

describe('parseStats', () => {
  it('reads size and count', () => {
    expect(parseStats('{"total_size":1271,"total_file_count":0,"total_blob_count":8,"snapshots_count":2}\n')).toEqual({
      totalSize: 1271,
      snapshotCount: 2,
    });
  });
});

describe('snapshotStats', () => {
  it('gives the BackupSession snapshot shape with human sizes', () => {
    const summary = {
      snapshotId: '993af06c'.padEnd(64, '0'),
      shortId: '993af06c',
      filesNew: 4,
      filesChanged: 1,
      filesUnmodified: 2,
      totalFilesProcessed: 7,
      totalBytesProcessed: 300000006,
      dataAdded: 1748,
      durationSeconds: 1.506558294,
    };
    expect(snapshotStats(summary, '/data')).toEqual({
      name: '993af06c',
      path: '/data',
      totalSize: '286.102 MiB',
      uploaded: '1.707 KiB',
      processingTime: '1.507s',
      fileStats: { totalFiles: 7, newFiles: 4, modifiedFiles: 1, unmodifiedFiles: 2 },
    });
  });
});
