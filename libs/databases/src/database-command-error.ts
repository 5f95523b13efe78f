/** A database client (dumper or restore client) failed; `stderr` is its own text, secrets scrubbed. */
export class DatabaseCommandError extends Error {
  override readonly name = 'DatabaseCommandError';

  constructor(
    readonly tool: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${tool} failed (${exitCode === null ? 'killed' : `exit ${exitCode}`}): ${stderr.trim() || 'no error output'}`);
  }
}
