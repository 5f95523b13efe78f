import { setTimeout as sleep } from 'node:timers/promises';
import { formatBytes } from '@restash/api';
import { createTestNamespace, deleteTestNamespace } from '../../../test/support/test-namespace.js';
import { makeTempDir, removeTempDir } from '../../../test/support/temp-dir.js';
import { median, medianRatio, pairRatio, type TimedPair } from '../figures/ratio.js';
import type { ResultSection } from '../report/result-section.js';
import { seconds, times } from '../report/units.js';
import type { BenchContext } from '../stack/bench-context.js';
import { startBenchServices } from '../stack/bench-services.js';
import { SessionWatch } from '../stack/session-watch.js';
import { createDataSet, emptyDirectory, type DataSet, type DataSizes } from './data-set.js';
import { backUpDirectly } from './direct-run.js';
import { backUpThroughRestash } from './restash-run.js';

export interface DataPathOptions {
  pairs: number;
  sizes: DataSizes;
}

const NAME = 'data-path';
/** How long the started services are left alone before the first pair. */
const SETTLE_MS = 5000;

/**
 * Benchmark 1: the same Sequential batch (two volumes of mixed files, a PostgreSQL database) backed
 * up through restash on the stack and by direct-backup.sh running the same restic commands,
 * alternating which goes first, each run into empty repositories. Reports the median of the pairs' ratios.
 */
export async function dataPathBench(context: BenchContext, options: DataPathOptions): Promise<ResultSection> {
  const { kube, logger, say } = context;
  const namespace = await createTestNamespace(kube, 'bench-data');
  const [directRepository, directCache] = await Promise.all([makeTempDir('bench-direct-repo'), makeTempDir('bench-direct-cache')]);
  let data: DataSet | undefined;
  const watch = await new SessionWatch(kube, namespace, logger).start();
  try {
    say(NAME, `writing 2 × ${formatBytes(options.sizes.volumeBytes)} of files and a database of about ${formatBytes(options.sizes.databaseDumpBytes)} (dump)`);
    data = await createDataSet(kube, namespace, options.sizes);
    const services = await startBenchServices({ executors: 2 });
    // Measured as they run in a cluster, long started: not in their first seconds (informers listing, JIT), which
    // would otherwise take CPU from restic in the first pair.
    await sleep(SETTLE_MS);
    try {
      const pairs = await runPairs(context, watch, data, { directRepository, directCache }, options.pairs);
      return section(context, options, data, pairs);
    } finally {
      await services.stop();
    }
  } finally {
    await watch.stop();
    await data?.cleanup();
    await deleteTestNamespace(kube, namespace);
    await Promise.all([removeTempDir(directRepository), removeTempDir(directCache)]);
  }
}

async function runPairs(context: BenchContext, watch: SessionWatch, data: DataSet, direct: { directRepository: string; directCache: string }, count: number): Promise<TimedPair[]> {
  const pairs: TimedPair[] = [];
  for (let index = 1; index <= count; index++) {
    const viaRestash = async () => {
      await emptyDirectory(data.fixture.repositoryDir);
      return backUpThroughRestash(context.kube, watch, data, `${data.batch}-run-${index}`);
    };
    const directly = async () => {
      await Promise.all([emptyDirectory(direct.directRepository), emptyDirectory(direct.directCache)]);
      return backUpDirectly(data, direct.directRepository, direct.directCache);
    };
    // Alternate which goes first, so a drift of the machine (caches, other load) does not favour one side.
    const restashFirst = index % 2 === 1;
    const [first, second] = await inOrder(restashFirst ? [viaRestash, directly] : [directly, viaRestash]);
    const pair = restashFirst ? { restashSeconds: first, directSeconds: second } : { restashSeconds: second, directSeconds: first };
    pairs.push(pair);
    context.say(NAME, `pair ${index}/${count}: restash ${seconds(pair.restashSeconds)}, restic directly ${seconds(pair.directSeconds)}, ratio ${times(pairRatio(pair))}`);
  }
  return pairs;
}

async function inOrder([first, second]: [() => Promise<number>, () => Promise<number>]): Promise<[number, number]> {
  const firstSeconds = await first();
  return [firstSeconds, await second()];
}

function section(context: BenchContext, options: DataPathOptions, data: DataSet, pairs: TimedPair[]): ResultSection {
  const ratio = medianRatio(pairs);
  return {
    id: NAME,
    title: '1. Data-path overhead: restash vs. the same restic commands run directly',
    command: './dev bench data-path',
    measuredAt: new Date(),
    machine: context.machine,
    figures: [
      { name: `restash time / direct restic time (median of ${pairs.length} pairs)`, shown: times(ratio), value: ratio, target: { bound: 'max', value: 1.1, text: '≤ 1.10×' } },
      { name: 'restash, median run', shown: seconds(median(pairs.map((pair) => pair.restashSeconds))) },
      { name: 'restic directly, median run', shown: seconds(median(pairs.map((pair) => pair.directSeconds))) },
    ],
    tables: [
      {
        title: 'Pairs (run in this order: odd pairs restash first, even pairs the script first)',
        columns: ['pair', 'restash', 'restic directly', 'ratio'],
        rows: pairs.map((pair, index) => [String(index + 1), seconds(pair.restashSeconds), seconds(pair.directSeconds), times(pairRatio(pair))]),
      },
    ],
    notes: [
      `The batch: \`Sequential\` members \`PersistentVolumeClaim/files\` and \`PersistentVolumeClaim/media\` (${formatBytes(options.sizes.volumeBytes)} each: mixed sizes from 1 KiB to 64 MiB, half text, half binary, all incompressible) and \`AppBinding/postgres\` (PostgreSQL, ${formatBytes(data.databaseSizeBytes)} on disk, a dump of about ${formatBytes(options.sizes.databaseDumpBytes)}), retention \`keepLast: 5, prune: true\`.`,
      'restash: an instant backup (a BackupSession created as `kubectl restash trigger` does) with scheduler, status and 2 executors running as the image runs them (`bin/restash <service>`, the Dockerfile\'s `NODE_ENV` and `NODE_OPTIONS`, every setting at its default); timed from the create call to the watch seeing `Succeeded`. Each member runs as a Job on the local node (`restash job`, a Node process).',
      'restic directly: `bench/src/data-path/direct-backup.sh`, the commands the runner runs per member (`list locks --no-lock`, `init`, `backup --json`, `snapshots` for the full id, `forget --prune`, `stats`; the database through `pg_dump | restic backup --stdin`), timed from start to exit.',
      'Every run (both sides) starts from empty repositories and an empty restic cache, so each is a full backup; both read the same files and database.',
    ],
  };
}
