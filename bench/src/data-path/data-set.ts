import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupMember } from '@restash/api';
import type { KubeClient } from '@restash/kube';
import { batchSpec, createBackupFixture, createBatch, type BackupFixture } from '../../../test/support/backup-fixture.js';
import { stackDir } from '../../../test/support/stack-env.js';
import { fillPostgres } from './database-rows.js';
import { planFileMix } from './file-mix.js';
import { writeFiles } from './write-files.js';

/** How much data the batch backs up. */
export interface DataSizes {
  /** Bytes of files in each of the two volume members. */
  volumeBytes: number;
  /** About how large the database's dump is. */
  databaseDumpBytes: number;
}

/** The batch under test, Sequential: two volumes of mixed files, then a PostgreSQL database. */
export interface DataSet {
  fixture: BackupFixture;
  batch: string;
  /** The volumes' directories on this machine, by claim name. */
  volumes: Record<'files' | 'media', string>;
  databaseSizeBytes: number;
  cleanup(): Promise<void>;
}

export const BATCH = 'app';

/** The fixture's Repository, databases and `files` claim, a second claim `media`, the data, and the batch. */
export async function createDataSet(kube: KubeClient, namespace: string, sizes: DataSizes): Promise<DataSet> {
  const fixture = await createBackupFixture(kube, namespace);
  await kube.core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: { metadata: { name: 'media' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } },
  });
  const volumes = { files: join(stackDir, 'volumes', namespace, 'files'), media: join(stackDir, 'volumes', namespace, 'media') };
  await mkdir(volumes.media, { recursive: true });
  await writeFiles(volumes.files, planFileMix(sizes.volumeBytes, 1));
  await writeFiles(volumes.media, planFileMix(sizes.volumeBytes, 2));
  const databaseSizeBytes = await fillPostgres(fixture.postgresDatabase, sizes.databaseDumpBytes);
  const spec = batchSpec(['files', 'postgres'], { executionOrder: 'Sequential' });
  spec.members!.splice(1, 0, volumeMember('media'));
  await createBatch(kube, namespace, BATCH, spec);
  return { fixture, batch: BATCH, volumes, databaseSizeBytes, cleanup: () => fixture.cleanup() };
}

/** A claim as a member, mounted and backed up at /data (as the fixture's `files`). */
function volumeMember(claim: string): BackupMember {
  return {
    target: { alias: claim, ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim }, volumeMounts: [{ name: claim, mountPath: '/data' }], paths: ['/data'] },
  };
}

/** Removes what a directory holds, keeping the directory (a volume's mount point). */
export async function emptyDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
}
