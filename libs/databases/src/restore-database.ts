import { runProcess, type Restic } from '@restash/restic';
import { DUMP_FILENAME } from './backup-database.js';
import { restoreCommand } from './database-commands.js';
import type { DatabaseConnection } from './database-connection.js';
import { prepareTool } from './database-tool.js';

export interface DatabaseRestoreOptions {
  /** Snapshot id, or "latest" of `host`. */
  snapshot?: string;
  host?: string;
  /** Extra client arguments (a task's `args` param). */
  restoreArgs?: string[];
}

/**
 * Pipes `restic dump <snapshot> /dumpfile.sql` into the database client. Rejects with the client's
 * error (DatabaseCommandError) or, when the dump cannot be read, restic's (ResticError).
 */
export async function restoreDatabase(restic: Restic, connection: DatabaseConnection, options: DatabaseRestoreOptions = {}): Promise<void> {
  const command = restoreCommand(connection, options.restoreArgs);
  const tool = await prepareTool(command, connection);
  const snapshot = options.snapshot ?? 'latest';
  const filter = snapshot === 'latest' ? { host: options.host, paths: [`/${DUMP_FILENAME}`] } : {};
  const dump = restic.dump(snapshot, `/${DUMP_FILENAME}`, filter);
  const result = await runProcess({ ...tool, stdin: dump, onStdoutLine: () => {} });
  if (result.exitCode !== 0) throw tool.failure(result.exitCode, result.stderr);
  const fatal = command.fatalErrors(result.stderr);
  if (fatal.length > 0) throw tool.failure(result.exitCode, fatal.join('\n'));
}
