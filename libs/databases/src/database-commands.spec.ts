import { dumpCommand, restoreCommand, unexpectedClusterRestoreErrors } from './database-commands.js';
import type { DatabaseConnection } from './database-connection.js';

const mysql: DatabaseConnection = { engine: 'mariadb', host: 'db', port: 3306, username: 'root', password: 'pw-1234' };
const postgres: DatabaseConnection = {
  engine: 'postgres',
  host: 'pg',
  port: 5432,
  username: 'postgres',
  password: 'pw-5678',
  params: { sslmode: 'disable', other: 'x' },
};

describe('database commands', () => {
  it('dumps every MySQL/MariaDB database consistently, password in MYSQL_PWD', () => {
    expect(dumpCommand(mysql)).toEqual({
      candidates: ['mariadb-dump', 'mysqldump'],
      args: [
        '--host',
        'db',
        '--port',
        '3306',
        '--user',
        'root',
        '--protocol=TCP',
        '--single-transaction',
        '--routines',
        '--events',
        '--triggers',
        '--all-databases',
      ],
      env: { MYSQL_PWD: 'pw-1234' },
    });
    expect(dumpCommand({ ...mysql, database: 'shop' }, ['--skip-lock-tables']).args.slice(-3)).toEqual([
      '--skip-lock-tables',
      '--databases',
      'shop',
    ]);
  });

  it('dumps a PostgreSQL cluster with pg_dumpall, one database with pg_dump', () => {
    const cluster = dumpCommand(postgres);
    expect(cluster).toEqual({
      candidates: ['pg_dumpall'],
      args: ['--host', 'pg', '--port', '5432', '--username', 'postgres', '--no-password', '--clean', '--if-exists'],
      env: { PGPASSWORD: 'pw-5678', PGSSLMODE: 'disable' },
    });
    expect(dumpCommand({ ...postgres, database: 'app' })).toMatchObject({
      candidates: ['pg_dump'],
      args: expect.arrayContaining(['--dbname', 'app']),
    });
  });

  it('never puts a password into arguments', () => {
    for (const command of [
      dumpCommand(mysql),
      dumpCommand(postgres),
      restoreCommand(mysql),
      restoreCommand({ ...postgres, database: 'app' }),
    ]) {
      expect(command.args.join(' ')).not.toMatch(/pw-/);
    }
  });

  it('restores one PostgreSQL database atomically, stopping at the first error', () => {
    expect(restoreCommand({ ...postgres, database: 'app' }).args).toEqual([
      '--host',
      'pg',
      '--port',
      '5432',
      '--username',
      'postgres',
      '--no-password',
      '--no-psqlrc',
      '--quiet',
      '-v',
      'ON_ERROR_STOP=1',
      '--single-transaction',
      '--dbname',
      'app',
    ]);
    expect(restoreCommand(mysql)).toMatchObject({ candidates: ['mariadb', 'mysql'], env: { MYSQL_PWD: 'pw-1234' } });
  });

  it('replays a cluster dump tolerating only the errors about the connected role', () => {
    const command = restoreCommand(postgres);
    expect(command.args).toEqual(expect.arrayContaining(['ON_ERROR_STOP=0', '--dbname', 'postgres']));
    const stderr = [
      'psql:<stdin>:14: ERROR:  current user cannot be dropped',
      'psql:<stdin>:15: ERROR:  role "postgres" already exists',
      'psql:<stdin>:40: ERROR:  database "app" is being accessed by other users',
      'DETAIL:  There is 1 other session using the database.',
    ].join('\n');
    expect(command.fatalErrors(stderr)).toEqual(['psql:<stdin>:40: ERROR:  database "app" is being accessed by other users']);
    expect(unexpectedClusterRestoreErrors('psql:<stdin>:15: ERROR:  role "admin" already exists', 'postgres')).toHaveLength(1);
  });
});
