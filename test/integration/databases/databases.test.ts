import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  backupDatabase,
  connectionFromAppBinding,
  DatabaseCommandError,
  restoreDatabase,
  type DatabaseConnection,
} from '@restash/databases';
import { Restic, ResticError, resticRepositoryFor } from '@restash/restic';
import { createMariadbUser, mariadbSql, postgresAdmin, postgresSql, uniqueName } from '../../support/database-admin.js';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';

const TIMEOUT_MS = 90_000;

let work: string;
beforeEach(async () => {
  work = await makeTempDir('databases');
});
afterEach(() => removeTempDir(work));

async function repositoryFor(appBindingName: string): Promise<Restic> {
  const repository = resticRepositoryFor({
    backend: { local: { mountPath: join(work, 'repos') } },
    target: { kind: 'AppBinding', name: appBindingName },
    secretData: { RESTIC_PASSWORD: 'database-repo-pass' },
  });
  const restic = new Restic(repository, { cacheDir: join(work, 'cache') });
  await restic.ensureInitialized();
  return restic;
}

function appBinding(type: string, url: string, name: string) {
  return {
    apiVersion: 'appcatalog.appscode.com/v1alpha1',
    kind: 'AppBinding',
    metadata: { name, namespace: 'demo' },
    spec: { type, clientConfig: { url }, secret: { name: `${name}-auth` } },
  };
}

describe('MariaDB dumps through restic', () => {
  let database: string;
  let user: Awaited<ReturnType<typeof createMariadbUser>>;
  let connection: DatabaseConnection;

  const checksum = () => mariadbSql('SELECT COUNT(*), SUM(CRC32(CONCAT(id, ":", v))) FROM t', database);

  beforeEach(async () => {
    database = uniqueName('restash_maria');
    await mariadbSql(
      `CREATE DATABASE \`${database}\`; USE \`${database}\`;
       CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(64));
       INSERT INTO t SELECT seq, CONCAT('row-', seq) FROM seq_1_to_500;`,
    );
    user = await createMariadbUser(database);
    connection = connectionFromAppBinding(appBinding('kubedb.com/mariadb', `mysql://${user.host}:${user.port}/${database}`, database), {
      username: user.username,
      password: user.password,
    });
  }, TIMEOUT_MS);

  afterEach(async () => {
    await user?.drop();
    await mariadbSql(`DROP DATABASE IF EXISTS \`${database}\``);
  }, TIMEOUT_MS);

  it(
    'backs up to /dumpfile.sql and restores a dropped table with the same rows',
    async () => {
      const restic = await repositoryFor(database);
      const before = await checksum();
      expect(before.split('\t')[0]).toBe('500');

      const summary = await backupDatabase(restic, connection, { host: 'host-0', tags: ['mariadb'] });
      expect(summary).toMatchObject({ filesNew: 1, totalFilesProcessed: 1 });
      expect(summary.totalBytesProcessed).toBeGreaterThan(5_000);
      expect(await restic.snapshots()).toEqual([
        expect.objectContaining({ id: summary.snapshotId, paths: ['/dumpfile.sql'], hostname: 'host-0', tags: ['mariadb'] }),
      ]);

      await mariadbSql('DROP TABLE t', database);
      await restoreDatabase(restic, connection, { snapshot: 'latest', host: 'host-0' });
      expect(await checksum()).toBe(before);
    },
    TIMEOUT_MS,
  );

  it(
    'rejects with the server’s words on a wrong password and leaves no snapshot',
    async () => {
      const restic = await repositoryFor(database);
      const error = await backupDatabase(restic, { ...connection, password: 'wrong-password-123' }, { host: 'host-0' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseCommandError);
      expect((error as Error).message).toContain(`Access denied for user '${user.username}'@'127.0.0.1'`);
      expect((error as Error).message).not.toContain('wrong-password-123');
      expect(await restic.snapshots()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'leaves no snapshot when the dumper fails after writing part of the dump',
    async () => {
      const restic = await repositoryFor(database);
      // The header and CREATE TABLE are written before the row query fails.
      const error = await backupDatabase(restic, connection, { host: 'host-0', dumpArgs: ['--where=no_such_column = 1'] }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseCommandError);
      expect((error as Error).message).toMatch(/^mariadb-dump failed \(exit \d+\): [^]*Unknown column 'no_such_column'/);
      expect(await restic.snapshots()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'reports a missing snapshot as restic’s error and a failing client as the client’s',
    async () => {
      const restic = await repositoryFor(database);
      await expect(restoreDatabase(restic, connection, { snapshot: 'latest', host: 'host-0' })).rejects.toMatchObject({
        name: 'ResticError',
        reason: 'snapshot-not-found',
      });
      await restic.backupStdin({ stdin: Readable.from([`SELECT no_such_column FROM \`${database}\`.t;\n`]), host: 'host-0' });
      const error = await restoreDatabase(restic, connection, { host: 'host-0' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseCommandError);
      expect((error as Error).message).toMatch(/^mariadb failed \(exit 1\): [^]*Unknown column 'no_such_column'/);
      expect(error).not.toBeInstanceOf(ResticError);
    },
    TIMEOUT_MS,
  );
});

describe('PostgreSQL dumps through restic', () => {
  let database: string;
  let connection: DatabaseConnection;

  const checksum = () => postgresSql(`SELECT count(*) || ':' || md5(string_agg(id || '=' || v, ',' ORDER BY id)) FROM t`, database);

  beforeEach(async () => {
    database = uniqueName('restash_pg');
    await postgresSql(`CREATE DATABASE ${database}`);
    await postgresSql(
      `CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT i, 'row-' || i FROM generate_series(1, 500) i;`,
      database,
    );
    const admin = postgresAdmin();
    connection = connectionFromAppBinding(
      appBinding('kubedb.com/postgres', `postgres://${admin.host}:${admin.port}/${database}?sslmode=disable`, database),
      {
        username: admin.username,
        password: admin.password,
      },
    );
  }, TIMEOUT_MS);

  afterEach(async () => {
    await postgresSql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }, TIMEOUT_MS);

  it(
    'backs up to /dumpfile.sql and restores a dropped table with the same rows',
    async () => {
      const restic = await repositoryFor(database);
      const before = await checksum();
      expect(before).toMatch(/^500:/);

      const summary = await backupDatabase(restic, connection, { host: 'host-0' });
      expect(await restic.snapshots()).toEqual([
        expect.objectContaining({ id: summary.snapshotId, paths: ['/dumpfile.sql'], hostname: 'host-0' }),
      ]);

      await postgresSql('DROP TABLE t', database);
      await restoreDatabase(restic, connection, { snapshot: summary.snapshotId });
      expect(await checksum()).toBe(before);
    },
    TIMEOUT_MS,
  );

  it(
    'dumps the whole cluster with pg_dumpall when no database is named',
    async () => {
      const restic = await repositoryFor(database);
      const { database: _database, ...cluster } = connection;
      await backupDatabase(restic, cluster, { host: 'host-0' });
      let dump = '';
      for await (const chunk of restic.dump('latest', '/dumpfile.sql', { host: 'host-0' })) dump += String(chunk);
      expect(dump).toContain('PostgreSQL database cluster dump');
      expect(dump).toContain(`CREATE DATABASE ${database}`);
      expect(dump).toContain('CREATE TABLE public.t');
    },
    TIMEOUT_MS,
  );

  it(
    'rejects with the server’s words on a wrong password and leaves no snapshot',
    async () => {
      const restic = await repositoryFor(database);
      const error = await backupDatabase(restic, { ...connection, password: 'wrong-password-456' }, { host: 'host-0' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseCommandError);
      expect((error as Error).message).toContain(`password authentication failed for user "${connection.username}"`);
      expect((error as Error).message).not.toContain('wrong-password-456');
      expect(await restic.snapshots()).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
