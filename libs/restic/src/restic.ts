import { PassThrough, type Readable } from 'node:stream';
import { SecretScrubber } from '@restash/observability';
import { backupArgs, stdinBackupArgs, type BackupOptions, type StdinBackupOptions } from './backup-args.js';
import { parseBackupLine, SHORT_ID_LENGTH, type BackupProgress, type BackupSummary } from './backup-output.js';
import { writeCredentialFiles } from './credential-files.js';
import { forgetArgs, type ForgetOptions, type KeepPolicy } from './forget-args.js';
import { parseForgetOutput, type ForgetResult } from './forget-output.js';
import { runProcess, SpawnError, streamProcess, type ProcessResult, type ProcessSpec } from './process-runner.js';
import { restoreArgs, type RestoreOptions } from './restore-args.js';
import { ResticError, type ResticFailureReason } from './restic-error.js';
import { globalArgs, resticEnv, type CacheOptions, type CredentialPaths } from './restic-invocation.js';
import { parseLock, type ResticLock } from './restic-lock.js';
import { repositorySecrets, type ResticRepository } from './restic-repository.js';
import { describeResticStderr } from './restic-stderr.js';
import { parseSnapshots, type Snapshot } from './snapshot.js';
import { snapshotFilterArgs, type SnapshotFilter } from './snapshot-filter.js';
import { parseStats, type RepositoryStats, type StatsMode } from './stats-output.js';

export interface ResticOptions extends CacheOptions {
  /** The restic binary; default `restic` from PATH. */
  binary?: string;
  /** Environment the child starts from (default process.env); repository settings are added to it. */
  baseEnv?: NodeJS.ProcessEnv;
  /** A restic process still running at this time is interrupted (its lock removed): nobody waits for it any more. */
  deadline?: Date;
}

export type ProgressListener = (progress: BackupProgress) => void;

export interface OpenedRepository {
  created: boolean;
  /** The ids of the locks found when it was opened. */
  lockIds: string[];
}

export interface CheckResult {
  integrity: boolean;
  message: string;
}

interface RunExtras {
  stdin?: Readable;
  onStdoutLine?: (line: string) => void;
  timeoutMs?: number;
  env?: Record<string, string>;
}

const LIST_LOCKS = ['list', 'locks', '--no-lock'];

// One initialization per repository URL at a time within this process.
const initializing = new Map<string, Promise<OpenedRepository>>();

// Failures that say nothing about the repository's data, so check() reports them as errors.
const ACCESS_FAILURES: ReadonlySet<ResticFailureReason> = new Set([
  'wrong-password',
  'repository-not-found',
  'locked',
  'binary-not-found',
  'interrupted',
]);

const LOCK_READ_TIMEOUT_MS = 15_000;
const LOCK_ID = /^[0-9a-f]{64}$/;

/** The restic binary bound to one repository. Every method runs one restic process (listLocks a few). */
export class Restic {
  private readonly binary: string;
  private readonly scrubber = new SecretScrubber();

  constructor(
    readonly repository: ResticRepository,
    private readonly options: ResticOptions = {},
  ) {
    this.binary = options.binary ?? 'restic';
    this.scrubber.remember(...repositorySecrets(repository));
  }

  /**
   * Creates the repository unless it exists, and says which locks it holds: the probe lists them, so
   * opening the repository and seeing its locks cost one restic process (one key derivation, about
   * half a second). Safe to call concurrently: calls in this process share one attempt, and losing an
   * init race to another process counts as success.
   */
  ensureInitialized(): Promise<OpenedRepository> {
    const key = this.repository.url;
    let attempt = initializing.get(key);
    if (!attempt) {
      attempt = this.initializeOnce().finally(() => initializing.delete(key));
      initializing.set(key, attempt);
    }
    return attempt;
  }

  async backup(options: BackupOptions & { onProgress?: ProgressListener }): Promise<BackupSummary> {
    return this.runBackup(backupArgs(options), options.onProgress);
  }

  /** Backs up a stream as one file at the snapshot's root (default `/dumpfile.sql`). If the stream errors, no snapshot is made. */
  async backupStdin(options: StdinBackupOptions & { stdin: Readable; onProgress?: ProgressListener }): Promise<BackupSummary> {
    return this.runBackup(stdinBackupArgs(options), options.onProgress, options.stdin);
  }

  async snapshots(filter: SnapshotFilter & { ids?: string[] } = {}): Promise<Snapshot[]> {
    const { ids = [], ...rest } = filter;
    const result = await this.runOk('snapshots', [
      'snapshots',
      '--json',
      ...snapshotFilterArgs(rest),
      ...(ids.length ? ['--', ...ids] : []),
    ]);
    return parseSnapshots(result.stdout);
  }

  async forget(policy: KeepPolicy, options: ForgetOptions = {}): Promise<ForgetResult> {
    const result = await this.runOk('forget', forgetArgs(policy, options));
    return parseForgetOutput(result.stdout);
  }

  async forgetSnapshot(id: string, options: { prune?: boolean } = {}): Promise<void> {
    await this.runOk('forget', ['forget', ...(options.prune ? ['--prune'] : []), '--', id]);
  }

  async stats(options: { mode?: StatsMode } = {}): Promise<RepositoryStats> {
    const result = await this.runOk('stats', ['stats', '--json', '--mode', options.mode ?? 'raw-data']);
    return parseStats(result.stdout);
  }

  /** Integrity of the repository's structure; fails (rather than reporting false) when it cannot be opened. */
  async check(): Promise<CheckResult> {
    const result = await this.run('check', ['check']);
    if (result.exitCode === 0) return { integrity: true, message: lastLine(result.stdout) || 'no errors were found' };
    const error = this.failure('check', result);
    if (ACCESS_FAILURES.has(error.reason)) throw error;
    return { integrity: false, message: error.stderr };
  }

  async restore(options: RestoreOptions): Promise<void> {
    await this.runOk('restore', restoreArgs(options));
  }

  /** One file of a snapshot as a stream, e.g. dump('latest', '/dumpfile.sql', {host}). Destroy it to stop restic. */
  dump(snapshot: string, file: string, filter: SnapshotFilter = {}): Readable {
    const output = new PassThrough();
    const args = ['dump', ...snapshotFilterArgs(filter), '--', snapshot, file];
    writeCredentialFiles(this.repository).then(
      (credentials) => {
        const restic = streamProcess(this.processSpec(args, credentials), (result) => this.failure('dump', result));
        restic.once('close', () => void credentials.remove());
        restic.once('error', (error) => output.destroy(error instanceof SpawnError ? this.spawnFailure('dump', error) : error));
        output.once('close', () => restic.destroy());
        restic.pipe(output);
      },
      (error: Error) => output.destroy(error),
    );
    return output;
  }

  /** Removes stale locks (restic's rule), or every lock with removeAll. */
  async unlock(options: { removeAll?: boolean } = {}): Promise<void> {
    await this.runOk('unlock', ['unlock', ...(options.removeAll ? ['--remove-all'] : [])]);
  }

  /**
   * Removes every lock of the repository and returns what it removed. Only for a caller that knows no
   * live process holds one (restash runs one runner per repository at a time): restic's own `unlock`
   * keeps a dead process's lock for 30 minutes unless it ran on the same host. `lockIds` are what
   * ensureInitialized saw: no second listing, and no restic at all when there are none.
   */
  async removeLeftoverLocks(lockIds: string[]): Promise<ResticLock[]> {
    const locks = await this.readLocks(lockIds);
    if (locks.length > 0) await this.unlock({ removeAll: true });
    return locks;
  }

  /** The repository's locks; a lock released while being read is left out. */
  async listLocks(): Promise<ResticLock[]> {
    return this.readLocks(lockIdsIn((await this.runOk('list', LIST_LOCKS)).stdout));
  }

  private async readLocks(ids: string[]): Promise<ResticLock[]> {
    const locks = await Promise.all(ids.map((id) => this.readLock(id)));
    return locks.filter((lock): lock is ResticLock => lock !== undefined);
  }

  private async readLock(id: string): Promise<ResticLock | undefined> {
    // restic retries a vanished file for about a minute; a lock that is gone is simply not listed.
    const result = await this.run('cat', ['cat', 'lock', '--no-lock', id], { timeoutMs: LOCK_READ_TIMEOUT_MS });
    return result.exitCode === 0 ? parseLock(id, result.stdout) : undefined;
  }

  private async initializeOnce(): Promise<OpenedRepository> {
    const probe = await this.run('list', LIST_LOCKS);
    if (probe.exitCode === 0) return { created: false, lockIds: lockIdsIn(probe.stdout) };
    const probeError = this.failure('list', probe);
    if (probeError.reason !== 'repository-not-found') throw probeError;
    const init = await this.run('init', ['init']);
    if (init.exitCode === 0) return { created: true, lockIds: [] };
    const initError = this.failure('init', init);
    if (initError.reason === 'already-initialized') return { created: false, lockIds: [] };
    throw initError;
  }

  private async runBackup(args: string[], onProgress?: ProgressListener, stdin?: Readable): Promise<BackupSummary> {
    let summary: BackupSummary | undefined;
    const onStdoutLine = (line: string) => {
      const message = parseBackupLine(line);
      if (message.type === 'summary') summary = message.summary;
      else if (message.type === 'status') onProgress?.(message.progress);
    };
    const result = await this.run('backup', args, { stdin, onStdoutLine, env: { RESTIC_PROGRESS_FPS: '1' } });
    if (result.exitCode !== 0) throw this.failure('backup', result);
    if (!summary) throw new ResticError('backup', 0, 'restic printed no summary', 'failed');
    return this.withFullId(summary);
  }

  /**
   * restic 0.14's summary names the snapshot by its short id; later versions print the full one.
   * The snapshot is saved by now, so a failed lookup keeps the short id rather than failing the backup.
   */
  private async withFullId(summary: BackupSummary): Promise<BackupSummary> {
    if (summary.snapshotId.length > SHORT_ID_LENGTH) return summary;
    const result = await this.run('snapshots', ['snapshots', '--json', '--no-lock', '--', summary.snapshotId]);
    const [snapshot] = result.exitCode === 0 ? parseSnapshots(result.stdout) : [];
    return snapshot ? { ...summary, snapshotId: snapshot.id } : summary;
  }

  private async runOk(command: string, args: string[], extras: RunExtras = {}): Promise<ProcessResult> {
    const result = await this.run(command, args, extras);
    if (result.exitCode !== 0) throw this.failure(command, result);
    return result;
  }

  private async run(command: string, args: string[], extras: RunExtras = {}): Promise<ProcessResult> {
    const credentials = await writeCredentialFiles(this.repository);
    try {
      const spec = this.processSpec(args, credentials, extras.env);
      return await runProcess({ ...spec, stdin: extras.stdin, onStdoutLine: extras.onStdoutLine, timeoutMs: this.timeoutMs(extras.timeoutMs) });
    } catch (error) {
      if (error instanceof SpawnError) throw this.spawnFailure(command, error);
      throw error;
    } finally {
      await credentials.remove();
    }
  }

  /** The time a process may take: its own limit, cut short by the deadline (which, once past, interrupts at once). */
  private timeoutMs(limit: number | undefined): number | undefined {
    if (!this.options.deadline) return limit;
    const left = Math.max(1, this.options.deadline.getTime() - Date.now());
    return limit === undefined ? left : Math.min(limit, left);
  }

  private processSpec(args: string[], credentials: CredentialPaths, env: Record<string, string> = {}): ProcessSpec {
    return {
      binary: this.binary,
      args: [...globalArgs(this.repository, this.options, credentials), ...args],
      env: { ...resticEnv(this.repository, this.options.baseEnv ?? process.env, credentials), ...env },
      stopSignal: 'SIGINT',
    };
  }

  private spawnFailure(command: string, error: SpawnError): ResticError {
    return new ResticError(command, null, error.message, 'binary-not-found');
  }

  private failure(command: string, result: ProcessResult): ResticError {
    return new ResticError(command, result.exitCode, describeResticStderr(this.scrubber.scrub(result.stderr)));
  }
}

function lockIdsIn(listing: string): string[] {
  return listing.split('\n').filter((line) => LOCK_ID.test(line));
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
