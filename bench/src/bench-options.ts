import { EnvReader } from '@restash/config';
import type { DataPathOptions } from './data-path/data-path-bench.js';

/** The benchmarks `./dev bench` runs when none is named, in this order. */
export const BENCHMARKS = ['data-path', 'throughput', 'schedule'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

/** Sizes of the benchmarks; the defaults are the issue's, environment variables shrink them for a quick try. */
export interface BenchOptions {
  dataPath: DataPathOptions;
  /** BackupBatches firing in one slot (BENCH_SCHEDULE_BATCHES). */
  scheduleBatches: number;
  /** How far ahead of their creation the batches' shared slot is (BENCH_SCHEDULE_MARGIN_SECONDS). */
  scheduleMarginSeconds: number;
  /** Sessions per throughput round (BENCH_THROUGHPUT_SESSIONS), each of `throughputMembers` trivial members. */
  throughputSessions: number;
  throughputMembers: number;
}

const MiB = 2 ** 20;

export function readBenchOptions(env = new EnvReader()): BenchOptions {
  return {
    dataPath: {
      pairs: env.integer('BENCH_DATA_PAIRS', 3, { min: 1 }),
      sizes: {
        volumeBytes: env.integer('BENCH_VOLUME_MIB', 512, { min: 1 }) * MiB,
        databaseDumpBytes: env.integer('BENCH_DATABASE_MIB', 300, { min: 1 }) * MiB,
      },
    },
    scheduleBatches: env.integer('BENCH_SCHEDULE_BATCHES', 1000, { min: 1 }),
    scheduleMarginSeconds: env.integer('BENCH_SCHEDULE_MARGIN_SECONDS', 120, { min: 30 }),
    throughputSessions: env.integer('BENCH_THROUGHPUT_SESSIONS', 60, { min: 1 }),
    throughputMembers: env.integer('BENCH_THROUGHPUT_MEMBERS', 2, { min: 1 }),
  };
}

/** Pure: the benchmarks named on the command line (all when none is), in report order; an unknown name is an error. */
export function selectBenchmarks(args: readonly string[]): BenchmarkName[] {
  const unknown = args.filter((arg) => !(BENCHMARKS as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')} (choose from ${BENCHMARKS.join(', ')})`);
  return args.length === 0 ? [...BENCHMARKS] : BENCHMARKS.filter((name) => args.includes(name));
}
