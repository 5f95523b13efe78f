import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { postgresAdmin } from '../../../test/support/database-admin.js';
import type { DataSet } from './data-set.js';

const run = promisify(execFile);
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'direct-backup.sh');

/** The batch's members backed up by direct-backup.sh into `repositoryDir` (laid out as restash lays out its repositories); returns the seconds it took. */
export async function backUpDirectly(data: DataSet, repositoryDir: string, cacheDir: string): Promise<number> {
  const postgres = postgresAdmin();
  const args = [
    ...['paths', join(repositoryDir, 'persistentvolumeclaim', 'files'), data.volumes.files],
    ...['paths', join(repositoryDir, 'persistentvolumeclaim', 'media'), data.volumes.media],
    ...['postgres', join(repositoryDir, 'appbinding', 'postgres'), data.fixture.postgresDatabase],
  ];
  const env = {
    ...process.env,
    RESTIC_PASSWORD: data.fixture.resticPassword,
    RESTIC_CACHE_DIR: cacheDir,
    KEEP_LAST: '5',
    PGHOST: postgres.host,
    PGPORT: String(postgres.port),
    PGUSER: postgres.username,
    PGPASSWORD: postgres.password,
  };
  const started = Date.now();
  await run('bash', [SCRIPT, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  return (Date.now() - started) / 1000;
}
