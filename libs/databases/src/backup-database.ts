import { streamProcess, type BackupSummary, type ProgressListener, type Restic } from '@restash/restic';
import { dumpCommand } from './database-commands.js';
import type { DatabaseConnection } from './database-connection.js';
import { prepareTool } from './database-tool.js';

/** The file a database snapshot holds: restic stores it at `/dumpfile.sql`. */
export const DUMP_FILENAME = 'dumpfile.sql';

export interface DatabaseBackupOptions {
  host: string;
  tags?: string[];
  /** Extra dumper arguments (a task's `args` param). */
  dumpArgs?: string[];
  onProgress?: ProgressListener;
}

/**
 * Streams a logical dump into `restic backup --stdin`. restic only sees the end of its input once
 * the dumper has exited 0; when the dumper fails, the stream fails instead, restic is stopped before
 * it writes a snapshot, and the call rejects with the dumper's error (DatabaseCommandError).
 */
export async function backupDatabase(
  restic: Restic,
  connection: DatabaseConnection,
  options: DatabaseBackupOptions,
): Promise<BackupSummary> {
  const tool = await prepareTool(dumpCommand(connection, options.dumpArgs), connection);
  const dump = streamProcess(tool, (result) => tool.failure(result.exitCode, result.stderr));
  try {
    return await restic.backupStdin({
      stdin: dump,
      filename: DUMP_FILENAME,
      host: options.host,
      tags: options.tags,
      onProgress: options.onProgress,
    });
  } finally {
    dump.destroy(); // stops the dumper when restic failed first
  }
}
