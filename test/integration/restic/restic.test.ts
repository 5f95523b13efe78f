import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  localLockContext,
  lockIsStale,
  Restic,
  ResticError,
  resticRepositoryFor,
  type BackupProgress,
  type ResticRepository,
} from '@restash/restic';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';
import { startRestServer } from '../../support/rest-server.js';

const run = promisify(execFile);
const PASSWORD = 'integration-restic-pass';
const TIMEOUT_MS = 60_000;

let work: string;
let cacheDir: string;

beforeEach(async () => {
  work = await makeTempDir('restic');
  cacheDir = join(work, 'cache');
});
afterEach(() => removeTempDir(work));

/** A member repository under <work>/repos, the way the executor builds it from a local backend. */
function localRepository(name: string, password = PASSWORD): ResticRepository {
  return resticRepositoryFor({
    backend: { local: { mountPath: join(work, 'repos') } },
    target: { kind: 'Deployment', name },
    secretData: { RESTIC_PASSWORD: password },
  });
}

function resticFor(repository: ResticRepository): Restic {
  return new Restic(repository, { cacheDir });
}

/** restic itself, to check what the library did without going through it. */
async function cliSnapshots(
  repository: ResticRepository,
): Promise<Array<{ id: string; hostname: string; paths: string[]; tags?: string[] }>> {
  const { stdout } = await run('restic', ['snapshots', '--json', '--no-cache'], {
    env: { ...process.env, RESTIC_REPOSITORY: repository.url, RESTIC_PASSWORD: repository.password },
  });
  return JSON.parse(stdout) as Array<{ id: string; hostname: string; paths: string[]; tags?: string[] }>;
}

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('Restic against real restic 0.14', () => {
  it(
    'initializes once: repeated and concurrent calls are harmless',
    async () => {
      const repository = localRepository('init');
      const [first, second] = await Promise.all([resticFor(repository).ensureInitialized(), resticFor(repository).ensureInitialized()]);
      expect(first).toEqual({ created: true, lockIds: [] });
      expect(second).toEqual({ created: true, lockIds: [] });
      await expect(resticFor(repository).ensureInitialized()).resolves.toEqual({ created: false, lockIds: [] });
      expect(await cliSnapshots(repository)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'backs up a tree, then only what changed, and reports progress',
    async () => {
      const repository = localRepository('tree');
      const restic = resticFor(repository);
      await restic.ensureInitialized();
      const data = join(work, 'data');
      await writeTree(data, { 'a.txt': 'alpha', 'b.txt': 'bravo', 'sub/c.txt': 'charlie' });

      const progress: BackupProgress[] = [];
      const first = await restic.backup({ paths: [data], host: 'host-0', tags: ['nightly'], onProgress: (p) => progress.push(p) });
      expect(first).toMatchObject({ filesNew: 3, filesChanged: 0, filesUnmodified: 0, totalFilesProcessed: 3, totalBytesProcessed: 17 });
      expect(first.snapshotId).toHaveLength(64);
      expect(first.shortId).toBe(first.snapshotId.slice(0, 8));
      expect(first.dataAdded).toBeGreaterThan(0);
      expect(progress.length).toBeGreaterThan(0);

      await writeFile(join(data, 'sub/c.txt'), 'charlie, changed');
      const second = await restic.backup({ paths: [data], host: 'host-0' });
      expect(second).toMatchObject({ filesNew: 0, filesChanged: 1, filesUnmodified: 2 });

      const listed = await cliSnapshots(repository);
      expect(listed.map(({ id, hostname, paths, tags }) => ({ id, hostname, paths, tags }))).toEqual([
        { id: first.snapshotId, hostname: 'host-0', paths: [data], tags: ['nightly'] },
        { id: second.snapshotId, hostname: 'host-0', paths: [data], tags: undefined },
      ]);
      expect((await restic.snapshots({ host: 'host-0', tags: ['nightly'] })).map((s) => s.id)).toEqual([first.snapshotId]);
      expect(await restic.snapshots({ host: 'host-1' })).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'honours exclude patterns and restores only the included path',
    async () => {
      const restic = resticFor(localRepository('exclude'));
      await restic.ensureInitialized();
      const data = join(work, 'data');
      await writeTree(data, { 'keep/a.txt': 'a', 'keep/b.txt': 'b', 'other/c.txt': 'c', 'debug.log': 'noise' });

      const summary = await restic.backup({ paths: [data], exclude: ['*.log'], host: 'host-0' });
      expect(summary.totalFilesProcessed).toBe(3);

      const everything = join(work, 'restore-all');
      await restic.restore({ snapshot: 'latest', target: everything, host: 'host-0' });
      expect(await listFiles(join(everything, data))).toEqual(['keep/a.txt', 'keep/b.txt', 'other/c.txt']);

      const some = join(work, 'restore-some');
      await restic.restore({ snapshot: summary.snapshotId, target: some, include: [join(data, 'keep')] });
      expect(await listFiles(join(some, data))).toEqual(['keep/a.txt', 'keep/b.txt']);
      expect(await readFile(join(some, data, 'keep/a.txt'), 'utf8')).toBe('a');
    },
    TIMEOUT_MS,
  );

  it(
    'fails with restic’s own words on a wrong password, without the password',
    async () => {
      await resticFor(localRepository('password')).ensureInitialized();
      const wrong = resticFor(localRepository('password', 'not-the-password'));
      const error = await wrong.snapshots().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResticError);
      expect(error).toMatchObject({ command: 'snapshots', exitCode: 1, reason: 'wrong-password' });
      expect((error as ResticError).message).toContain('wrong password');
      expect((error as ResticError).message).not.toContain('not-the-password');
      await expect(wrong.ensureInitialized()).rejects.toMatchObject({ reason: 'wrong-password' });
    },
    TIMEOUT_MS,
  );

  it(
    'forgets by policy: keepLast 2 over 4 snapshots leaves 2, pruned',
    async () => {
      const repository = localRepository('forget');
      const restic = resticFor(repository);
      await restic.ensureInitialized();
      const data = join(work, 'data');
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        await writeTree(data, { 'counter.txt': String(i) });
        ids.push((await restic.backup({ paths: [data], host: 'host-0' })).snapshotId);
      }

      const dryRun = await restic.forget({ keepLast: 2 }, { dryRun: true, prune: true, host: 'host-0' });
      expect(dryRun.removed.sort()).toEqual(ids.slice(0, 2).sort());
      expect(await cliSnapshots(repository)).toHaveLength(4);

      const result = await restic.forget({ keepLast: 2 }, { prune: true, host: 'host-0' });
      expect(result.kept.sort()).toEqual(ids.slice(2).sort());
      expect(result.removed.sort()).toEqual(ids.slice(0, 2).sort());
      expect((await cliSnapshots(repository)).map((s) => s.id)).toEqual(ids.slice(2));

      await restic.forgetSnapshot(ids[2]!);
      expect((await restic.snapshots()).map((s) => s.id)).toEqual([ids[3]]);
    },
    TIMEOUT_MS,
  );

  it(
    'backs up a stream as /dumpfile.sql and dumps it back',
    async () => {
      const restic = resticFor(localRepository('stdin'));
      await restic.ensureInitialized();
      const summary = await restic.backupStdin({ stdin: Readable.from(['CREATE TABLE t;\n', 'INSERT 1;\n']), host: 'host-0' });
      expect(summary).toMatchObject({ filesNew: 1, totalBytesProcessed: 26 });
      const [snapshot] = await restic.snapshots();
      expect(snapshot).toMatchObject({ id: summary.snapshotId, paths: ['/dumpfile.sql'], hostname: 'host-0' });

      const chunks: Buffer[] = [];
      for await (const chunk of restic.dump('latest', '/dumpfile.sql', { host: 'host-0' })) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('CREATE TABLE t;\nINSERT 1;\n');

      const missing = restic.dump('latest', '/dumpfile.sql', { host: 'host-9' });
      await expect(new Promise((resolve, reject) => missing.on('error', reject).on('end', resolve).resume())).rejects.toMatchObject({
        command: 'dump',
        reason: 'snapshot-not-found',
      });
    },
    TIMEOUT_MS,
  );

  it(
    'makes no snapshot when the input stream fails',
    async () => {
      const restic = resticFor(localRepository('stdin-fail'));
      await restic.ensureInitialized();
      const input = new PassThrough();
      const backup = restic.backupStdin({ stdin: input, host: 'host-0' });
      input.write('partial data\n');
      setTimeout(() => input.destroy(new Error('producer failed')), 300);
      await expect(backup).rejects.toThrow('producer failed');
      expect(await restic.snapshots()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'reports size and count, and tells live locks from stale ones',
    async () => {
      const restic = resticFor(localRepository('stats'));
      await restic.ensureInitialized();
      await expect(restic.stats()).resolves.toEqual({ totalSize: 0, snapshotCount: 0 });
      await restic.backupStdin({ stdin: Readable.from(['x'.repeat(10_000)]), host: 'host-0' });
      const stats = await restic.stats({ mode: 'restore-size' });
      expect(stats).toEqual({ totalSize: 10_000, snapshotCount: 1 });
      expect((await restic.stats({ mode: 'raw-data' })).totalSize).toBeGreaterThan(0);

      // A backup waiting for input holds a live lock.
      const input = new PassThrough();
      const pending = restic.backupStdin({ stdin: input, host: 'host-0' });
      const [lock, ...others] = await waitForLocks(restic);
      expect(others).toEqual([]);
      expect(lock).toMatchObject({ exclusive: false, hostname: hostname(), pid: expect.any(Number) });
      expect(lockIsStale(lock!, localLockContext())).toBe(false);
      await restic.unlock();
      expect(await restic.listLocks()).toHaveLength(1);

      // Killed without cleanup, the backup leaves a lock behind that restic's rule calls stale.
      process.kill(lock!.pid, 'SIGKILL');
      await expect(pending).rejects.toMatchObject({ command: 'backup', reason: 'interrupted' });
      const [left] = await restic.listLocks();
      expect(left).toEqual(lock);
      expect(lockIsStale(left!, localLockContext())).toBe(true);
      await restic.unlock();
      expect(await restic.listLocks()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'reports a damaged repository as integrity false',
    async () => {
      const repository = localRepository('check');
      const restic = resticFor(repository);
      await restic.ensureInitialized();
      await restic.backupStdin({ stdin: Readable.from(['some data']), host: 'host-0' });
      await expect(restic.check()).resolves.toEqual({ integrity: true, message: 'no errors were found' });

      // Without its index the snapshot's tree cannot be found (damaging packs instead makes restic retry for a minute).
      await rm(join(repository.url, 'index'), { recursive: true });
      const result = await restic.check();
      expect(result.integrity).toBe(false);
      expect(result.message).toMatch(/repository contains errors/);
    },
    TIMEOUT_MS,
  );

  it(
    'interrupts restic at its deadline with SIGINT, so its lock goes with it',
    async () => {
      const repository = localRepository('deadline');
      await resticFor(repository).ensureInitialized();
      // Far enough for restic to open the repository and lock it even on a busy machine.
      const restic = new Restic(repository, { cacheDir, deadline: new Date(Date.now() + 10_000) });
      const input = new PassThrough(); // never ends: the backup waits for it
      const backup = restic.backupStdin({ stdin: input, host: 'host-0' });
      await waitForLocks(resticFor(repository), 9000);
      await expect(backup).rejects.toMatchObject({ command: 'backup' });
      expect(await resticFor(repository).listLocks()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'removes the lock a runner killed on another host left, which restic’s own unlock keeps for 30 minutes',
    async () => {
      const repository = localRepository('leftover');
      const restic = resticFor(repository);
      await restic.ensureInitialized();
      // restic run under another host name (its own UTS namespace), killed while it holds its lock.
      const env = { ...process.env, RESTIC_REPOSITORY: repository.url, RESTIC_PASSWORD: repository.password, RESTIC_CACHE_DIR: cacheDir };
      const script = 'hostname runner-pod-that-died && exec restic backup --stdin --host host-0';
      const killed = run('unshare', ['--uts', 'sh', '-c', script], { env }).catch(() => undefined);
      const [lock] = await waitForLocks(restic, 15_000);
      expect(lock).toMatchObject({ hostname: 'runner-pod-that-died' });
      process.kill(lock!.pid, 'SIGKILL');
      await killed;
      await restic.unlock();
      expect(await restic.listLocks()).toEqual([lock]);
      // Opening the repository tells its locks, so clearing them costs no second listing.
      const { lockIds } = await restic.ensureInitialized();
      expect(lockIds).toEqual([lock!.id]);
      expect(await restic.removeLeftoverLocks(lockIds)).toEqual([lock]);
      expect(await restic.listLocks()).toEqual([]);
      expect(await restic.removeLeftoverLocks([])).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'works with a REST backend behind basic auth (rclone serve restic)',
    async () => {
      const server = await startRestServer(join(work, 'rest'), { username: 'restash', password: 'rest-secret-pw' });
      try {
        const repository = resticRepositoryFor({
          backend: { rest: { url: `${server.url}/team` } },
          target: { kind: 'StatefulSet', name: 'db' },
          secretData: { RESTIC_PASSWORD: PASSWORD, REST_SERVER_USERNAME: 'restash', REST_SERVER_PASSWORD: 'rest-secret-pw' },
        });
        expect(repository.redactedUrl).toBe(`rest:http://***@${server.url.slice('http://'.length)}/team/statefulset/db`);
        const restic = resticFor(repository);
        await expect(restic.ensureInitialized()).resolves.toEqual({ created: true, lockIds: [] });
        await expect(restic.ensureInitialized()).resolves.toEqual({ created: false, lockIds: [] });
        await restic.backupStdin({ stdin: Readable.from(['over http']), host: 'host-1' });
        expect(await restic.snapshots({ host: 'host-1' })).toHaveLength(1);
        expect(await readdir(join(work, 'rest/team/statefulset/db'))).toEqual(expect.arrayContaining(['config', 'data', 'snapshots']));

        const unauthorized = resticFor({ ...repository, url: repository.url.replace('rest-secret-pw', 'bad-password') });
        const error = await unauthorized.ensureInitialized().catch((e: unknown) => e);
        expect(error).toMatchObject({ command: 'list', reason: 'failed' });
        expect((error as Error).message).toContain('401');
        expect((error as Error).message).not.toContain('bad-password');
      } finally {
        await server.stop();
      }
    },
    TIMEOUT_MS,
  );
});

async function waitForLocks(restic: Restic, timeoutMs = 5000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const locks = await restic.listLocks();
    if (locks.length > 0) return locks;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no lock appeared');
}
