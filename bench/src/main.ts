// `./dev bench [data-path] [throughput] [schedule]`: restash's benchmarks against the running stack.
// They print their figures as they go and write them into bench/RESULTS.md; they assert nothing.
import '../../test/support/load-stack-env.js';
import { RESOURCES, type BackupBatchSpec } from '@restash/api';
import { CustomResources } from '@restash/kube';
import { readBenchOptions, selectBenchmarks, type BenchmarkName, type BenchOptions } from './bench-options.js';
import { dataPathBench } from './data-path/data-path-bench.js';
import { memorySection, type MemoryPhase } from './report/memory-section.js';
import type { ResultSection } from './report/result-section.js';
import { figuresTable } from './report/results-markdown.js';
import { RESULTS_FILE, writeResults } from './report/write-results.js';
import { scheduleBench } from './schedule/schedule-bench.js';
import { openBenchContext, type BenchContext } from './stack/bench-context.js';
import { throughputBench } from './throughput/throughput-bench.js';

type Benchmark = (context: BenchContext, options: BenchOptions) => Promise<ResultSection[]>;

/** What the throughput and schedule benchmarks saw of the services' memory: benchmark 4. */
const memoryPhases: MemoryPhase[] = [];

const RUNS: Record<BenchmarkName, Benchmark> = {
  'data-path': async (context, options) => [await dataPathBench(context, options.dataPath)],
  throughput: async (context, options) => {
    const { section, memory } = await throughputBench(context, { sessions: options.throughputSessions, members: options.throughputMembers });
    memoryPhases.push(...memory);
    return [section, memorySection(memoryPhases, { command: commandLine(), measuredAt: new Date(), machine: context.machine })];
  },
  schedule: async (context, options) => {
    const { section, memory } = await scheduleBench(context, { batches: options.scheduleBatches, marginMs: options.scheduleMarginSeconds * 1000 });
    memoryPhases.push(...memory);
    return [section, memorySection(memoryPhases, { command: commandLine(), measuredAt: new Date(), machine: context.machine })];
  },
};

/** Batches left on the stack (e.g. `./dev demo`'s) run while the benchmarks do and skew their figures. */
async function warnOfOtherBatches(context: BenchContext): Promise<void> {
  const batches = await new CustomResources<BackupBatchSpec>(context.kube, RESOURCES.backupBatch).list();
  const active = batches.filter((batch) => !batch.spec.paused).map((batch) => `${batch.metadata.namespace}/${batch.metadata.name}`);
  if (active.length > 0) {
    console.warn(`[bench] warning: ${active.length} BackupBatch(es) already on the stack will run alongside the benchmarks (${active.join(', ')}); delete them or run ./dev down first for clean figures`);
  }
}

function commandLine(): string {
  return ['./dev bench', ...process.argv.slice(2)].join(' ');
}

const selected = selectBenchmarks(process.argv.slice(2));
const options = readBenchOptions();
const context = await openBenchContext();
await warnOfOtherBatches(context);
const started = Date.now();
const sections: ResultSection[] = [];
try {
  for (const name of selected) {
    context.say(name, 'starting');
    for (const section of await RUNS[name](context, options)) {
      sections.push(section);
      console.log(`\n${section.title}\n${figuresTable(section.figures)}\n`);
    }
    await writeResults(sections);
  }
} finally {
  await context.nats.close();
}
console.log(`benchmarks done in ${((Date.now() - started) / 60_000).toFixed(1)} min; figures in ${RESULTS_FILE}`);
