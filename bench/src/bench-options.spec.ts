import { EnvReader } from '@restash/config';
import { readBenchOptions, selectBenchmarks } from './bench-options.js';

describe('bench options', () => {
  it('run every benchmark when none is named, else the named ones in report order', () => {
    expect(selectBenchmarks([])).toEqual(['data-path', 'throughput', 'schedule']);
    expect(selectBenchmarks(['schedule', 'data-path'])).toEqual(['data-path', 'schedule']);
    expect(() => selectBenchmarks(['speed'])).toThrow('unknown benchmark speed');
  });

  it("default to the issue's sizes and shrink by environment", () => {
    expect(readBenchOptions(new EnvReader({}))).toEqual({
      dataPath: { pairs: 3, sizes: { volumeBytes: 512 * 2 ** 20, databaseDumpBytes: 300 * 2 ** 20 } },
      scheduleBatches: 1000,
      scheduleMarginSeconds: 120,
      throughputSessions: 60,
      throughputMembers: 2,
    });
    expect(readBenchOptions(new EnvReader({ BENCH_VOLUME_MIB: '8', BENCH_SCHEDULE_BATCHES: '50' })).scheduleBatches).toBe(50);
  });
});
