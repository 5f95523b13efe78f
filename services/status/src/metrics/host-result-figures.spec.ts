import { hostResultFigures } from './host-result-figures.js';

describe('hostResultFigures', () => {
  it('sums bytes and files over the snapshots of a host', () => {
    const figures = hostResultFigures({
      hostname: 'host-0',
      phase: 'Succeeded',
      snapshots: [
        { name: 'a1', path: '/data', totalSize: '2.000 KiB', uploaded: '512 B', fileStats: { totalFiles: 3, newFiles: 1, modifiedFiles: 1, unmodifiedFiles: 1 } },
        { name: 'b2', path: '/logs', totalSize: '1.000 MiB', uploaded: '0 B', fileStats: { totalFiles: 2, unmodifiedFiles: 2 } },
      ],
    });
    expect(figures).toEqual({ processedBytes: 2048 + 1_048_576, uploadedBytes: 512, files: { new: 1, modified: 1, unmodified: 3 } });
  });

  it('gives zeros for a failed host', () => {
    expect(hostResultFigures({ hostname: 'host-0', phase: 'Failed', error: 'boom' })).toEqual({ processedBytes: 0, uploadedBytes: 0, files: { new: 0, modified: 0, unmodified: 0 } });
  });
});
