import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RESOURCES, type BackupBatchSpec, type BackupMember, type BackupSession, type BackupSessionSpec, type BackupSessionStatus } from '@restash/api';
import { CustomResources, type KubeClient } from '@restash/kube';
import { createMariadbUser, mariadbSql, postgresAdmin, postgresSql, uniqueName } from './database-admin.js';
import { eventually } from './eventually.js';
import { stackDir } from './stack-env.js';

const run = promisify(execFile);

/** The members a backup test can put in a batch: two real databases and a volume with files. */
export type MemberName = 'mariadb' | 'postgres' | 'files';

export interface BackupFixture {
  namespace: string;
  repositoryDir: string;
  resticPassword: string;
  mariadbDatabase: string;
  postgresDatabase: string;
  /** Files written into the PVC member's volume, relative to it. */
  files: Record<string, string>;
  cleanup(): Promise<void>;
}

const REPOSITORY = 'local-repo';

/**
 * A namespace ready for batch backups: a Repository on a local directory (with its Secret),
 * a MariaDB and a PostgreSQL database with rows (each behind an AppBinding and a Secret), and a PVC
 * whose volume holds a few files.
 */
export async function createBackupFixture(kube: KubeClient, namespace: string): Promise<BackupFixture> {
  const repositoryDir = mkdtempSync(join(tmpdir(), 'restash-e2e-repo-'));
  const resticPassword = randomBytes(12).toString('hex');
  await kube.core.createNamespacedSecret({ namespace, body: { metadata: { name: 'repo-secret' }, stringData: { RESTIC_PASSWORD: resticPassword } } });
  await new CustomResources(kube, RESOURCES.repository).create({
    metadata: { name: REPOSITORY, namespace },
    spec: { backend: { local: { mountPath: '/safe/data', hostPath: { path: repositoryDir } }, storageSecretName: 'repo-secret' } },
  });
  const mariadbDatabase = uniqueName('e2e');
  const mariadb = await createMariadbDatabase(mariadbDatabase);
  await createAppBinding(kube, namespace, 'mariadb', 'mysql', `mysql://${mariadb.host}:${mariadb.port}/${mariadbDatabase}`, mariadb.username, mariadb.password);
  const postgresDatabase = uniqueName('e2e');
  const postgres = await createPostgresDatabase(postgresDatabase);
  await createAppBinding(kube, namespace, 'postgres', 'postgres', `postgres://${postgres.host}:${postgres.port}/${postgresDatabase}`, postgres.username, postgres.password);
  const files = { 'index.html': '<h1>hello</h1>\n', 'uploads/a.txt': 'a\n', 'uploads/b.bin': randomBytes(4096).toString('base64') };
  await createFilesVolume(kube, namespace, files);
  return {
    namespace,
    repositoryDir,
    resticPassword,
    mariadbDatabase,
    postgresDatabase,
    files,
    async cleanup() {
      rmSync(repositoryDir, { recursive: true, force: true });
      await mariadb.drop().catch(() => undefined);
      await mariadbSql(`DROP DATABASE IF EXISTS \`${mariadbDatabase}\``).catch(() => undefined);
      await postgresSql(`DROP DATABASE IF EXISTS ${postgresDatabase}`).catch(() => undefined);
    },
  };
}

/** A BackupBatch of the fixture's members, in the order given. */
export function batchSpec(members: MemberName[], spec: Partial<BackupBatchSpec> = {}): BackupBatchSpec {
  return {
    repository: { name: REPOSITORY },
    retentionPolicy: { name: 'keep-last-5', keepLast: 5, prune: true },
    members: members.map(memberFor),
    ...spec,
  };
}

function memberFor(name: MemberName): BackupMember {
  switch (name) {
    case 'mariadb':
      return { target: { alias: 'mariadb', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' } }, task: { name: 'mariadb-backup-10.11' } };
    case 'postgres':
      return { target: { alias: 'postgres', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'postgres' } }, task: { name: 'postgres-backup-15' } };
    case 'files':
      return {
        target: { alias: 'files', ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, volumeMounts: [{ name: 'files', mountPath: '/data' }], paths: ['/data'] },
      };
  }
}

export async function createBatch(kube: KubeClient, namespace: string, name: string, spec: BackupBatchSpec): Promise<void> {
  await new CustomResources(kube, RESOURCES.backupBatch).create({ metadata: { name, namespace }, spec });
}

/** An instant backup: a BackupSession created by hand, as a user would. */
export async function createSession(kube: KubeClient, namespace: string, batch: string, name: string): Promise<BackupSession> {
  return (await new CustomResources(kube, RESOURCES.backupSession).create({
    metadata: {
      name,
      namespace,
      labels: { 'stash.appscode.com/invoker-type': 'BackupBatch', 'stash.appscode.com/invoker-name': batch },
    },
    spec: { invoker: { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: batch } },
  })) as BackupSession;
}

export async function waitForFinalSession(kube: KubeClient, namespace: string, name: string, timeoutMs = 120_000): Promise<BackupSession> {
  const sessions = new CustomResources<BackupSessionSpec, BackupSessionStatus>(kube, RESOURCES.backupSession);
  return (await eventually(async () => {
    const session = await sessions.get(namespace, name);
    return ['Succeeded', 'Failed', 'Skipped'].includes(session.status?.phase ?? '') ? session : undefined;
  }, { timeoutMs, intervalMs: 500, what: `BackupSession ${name} final` })) as BackupSession;
}

export interface ResticSnapshot {
  id: string;
  short_id: string;
  hostname: string;
  paths: string[];
  time: string;
}

/** What plain restic, given only the Secret's password, lists in a member's repository. */
export async function resticSnapshots(fixture: BackupFixture, memberPath: string): Promise<ResticSnapshot[]> {
  const { stdout } = await run('restic', ['--json', '--no-cache', '-r', join(fixture.repositoryDir, memberPath), 'snapshots'], {
    env: { ...process.env, RESTIC_PASSWORD: fixture.resticPassword },
  });
  return JSON.parse(stdout) as ResticSnapshot[];
}

async function createMariadbDatabase(database: string) {
  await mariadbSql(`CREATE DATABASE \`${database}\`; CREATE TABLE \`${database}\`.posts (id INT PRIMARY KEY, title TEXT); INSERT INTO \`${database}\`.posts VALUES (1,'one'),(2,'two');`);
  return createMariadbUser(database);
}

async function createPostgresDatabase(database: string) {
  await postgresSql(`CREATE DATABASE ${database}`);
  await postgresSql('CREATE TABLE posts (id INT PRIMARY KEY, title TEXT); INSERT INTO posts VALUES (1, $$one$$), (2, $$two$$);', database);
  return postgresAdmin();
}

/** An AppBinding with the Secret (`<name>-auth`) holding its credentials. */
export async function createAppBinding(kube: KubeClient, namespace: string, name: string, type: string, url: string, username: string, password: string): Promise<void> {
  await kube.core.createNamespacedSecret({ namespace, body: { metadata: { name: `${name}-auth` }, stringData: { username, password } } });
  await new CustomResources(kube, RESOURCES.appBinding).create({
    metadata: { name, namespace },
    spec: { type, clientConfig: { url }, secret: { name: `${name}-auth` } },
  });
}

async function createFilesVolume(kube: KubeClient, namespace: string, files: Record<string, string>): Promise<void> {
  await kube.core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: { metadata: { name: 'files' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
  });
  const dir = join(stackDir, 'volumes', namespace, 'files');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
