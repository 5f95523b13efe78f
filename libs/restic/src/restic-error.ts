/** Why a restic command failed, as far as its exit code and stderr tell. */
export type ResticFailureReason =
  | 'wrong-password'
  | 'repository-not-found'
  | 'already-initialized'
  | 'locked'
  | 'snapshot-not-found'
  | 'empty-snapshot'
  | 'incomplete-snapshot'
  | 'binary-not-found'
  | 'interrupted'
  | 'failed';

/** Exit code restic uses when a snapshot was made but some source files could not be read. */
export const INCOMPLETE_SNAPSHOT_EXIT_CODE = 3;

const MISSING_OBJECT = /does not exist|doesn't exist|no such file or directory|not found|404/i;

/** Pure: the reason for a failed run, from what restic wrote to stderr. */
export function classifyResticFailure(stderr: string, exitCode: number | null): ResticFailureReason {
  if (/wrong password or no key found/i.test(stderr)) return 'wrong-password';
  if (/config file already exists/i.test(stderr)) return 'already-initialized';
  if (/unable to open config file/i.test(stderr)) {
    return stderr.split('\n').some((line) => /unable to open config file/i.test(line) && MISSING_OBJECT.test(line))
      ? 'repository-not-found'
      : 'failed';
  }
  if (/repository is already locked|unable to create lock/i.test(stderr)) return 'locked';
  if (/no matching ID found|no snapshot found|invalid (snapshot )?id/i.test(stderr)) return 'snapshot-not-found';
  if (/snapshot is empty/i.test(stderr)) return 'empty-snapshot';
  if (exitCode === INCOMPLETE_SNAPSHOT_EXIT_CODE) return 'incomplete-snapshot';
  if (exitCode === null) return 'interrupted';
  return 'failed';
}

/** A failed restic command; `stderr` is restic's own text with every secret scrubbed. */
export class ResticError extends Error {
  override readonly name = 'ResticError';
  readonly reason: ResticFailureReason;

  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    reason?: ResticFailureReason,
  ) {
    const detail = stderr.trim() || 'no error output';
    super(`restic ${command} failed (${exitCode === null ? 'killed' : `exit ${exitCode}`}): ${detail}`);
    this.reason = reason ?? classifyResticFailure(stderr, exitCode);
  }
}
