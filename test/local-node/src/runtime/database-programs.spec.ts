import type { V1Container } from '@kubernetes/client-node';
import { mariadbInitSql, mariadbProgram } from './mariadb-program.js';
import { postgresProgram } from './postgres-program.js';

const dirs = { runDir: '/stack/pod/run/db', defaultDataDir: '/stack/pod/data/db' };

describe('mariadbProgram', () => {
  const container: V1Container = {
    name: 'db',
    image: 'mysql:8.0.14',
    ports: [{ containerPort: 3307 }],
    volumeMounts: [{ name: 'd', mountPath: '/var/lib/mysql' }],
  };

  it('initialises the data dir once, then runs mariadbd on the pod IP and port with a private socket dir', () => {
    const program = mariadbProgram(container, { MYSQL_ROOT_PASSWORD: 'pw' }, '198.18.0.3', dirs, () => 'random');
    const script = program.argv[2]!;
    expect(program.argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(script).toContain('if [ ! -d /var/lib/mysql/mysql ]; then');
    expect(script).toContain('mariadb-install-db --no-defaults --datadir=/var/lib/mysql --user=root');
    expect(script).toContain("exec mariadbd --no-defaults --datadir=/var/lib/mysql --user=root --bind-address='198.18.0.3' --port=3307");
    expect(program.port).toBe(3307);
    expect(program.extraMounts).toEqual([{ source: dirs.runDir, target: '/run/mysqld', readOnly: false }]);
    expect(program.runFiles['init.sql']).toContain("SET PASSWORD FOR 'root'@'localhost' = PASSWORD('pw');");
  });

  it('gives the data path a private dir when the container mounts nothing there', () => {
    const program = mariadbProgram({ name: 'db' }, { MYSQL_ROOT_PASSWORD: 'pw' }, '198.18.0.3', dirs, () => 'random');
    expect(program.port).toBe(3306);
    expect(program.extraMounts).toContainEqual({ source: dirs.defaultDataDir, target: '/var/lib/mysql', readOnly: false });
  });

  it('writes the entrypoint SQL: root for any host, database, user, with quoting', () => {
    const sql = mariadbInitSql(
      { MYSQL_ROOT_PASSWORD: "it's", MYSQL_DATABASE: 'wp', MYSQL_USER: 'app', MYSQL_PASSWORD: 'p\\w' },
      () => 'r',
    )!;
    expect(sql.split('\n')).toEqual(
      expect.arrayContaining([
        "SET PASSWORD FOR 'root'@'localhost' = PASSWORD('it\\'s');",
        "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY 'it\\'s';",
        "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;",
        'CREATE DATABASE IF NOT EXISTS `wp`;',
        "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'p\\\\w';",
        "GRANT ALL ON `wp`.* TO 'app'@'%';",
      ]),
    );
    expect(mariadbInitSql({}, () => 'r')).toBeUndefined();
    expect(mariadbInitSql({ MARIADB_RANDOM_ROOT_PASSWORD: 'yes' }, () => 'generated')).toContain('GENERATED ROOT PASSWORD');
  });
});

describe('postgresProgram', () => {
  it('runs initdb and postgres as the postgres user on the pod IP, creating POSTGRES_DB', () => {
    const program = postgresProgram(
      { name: 'pg', volumeMounts: [{ name: 'd', mountPath: '/var/lib/postgresql/data' }] },
      { POSTGRES_PASSWORD: 'pw', POSTGRES_USER: 'app', POSTGRES_DB: 'shop', PGDATA: '/var/lib/postgresql/data/pgdata' },
      '198.18.0.9',
      dirs,
      '/usr/lib/postgresql/15/bin',
    );
    const script = program.argv[2]!;
    expect(script).toContain("PGDATA='/var/lib/postgresql/data/pgdata'");
    expect(script).toContain(
      'runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$PGDATA" -U \'app\' --pwfile=/run/postgresql/pwfile',
    );
    expect(script).toContain('CREATE DATABASE "shop";');
    expect(script).toContain(
      'exec runuser -u postgres -- /usr/lib/postgresql/15/bin/postgres -D "$PGDATA" -c listen_addresses=\'198.18.0.9\' -c port=5432',
    );
    expect(program.runFiles).toEqual({ pwfile: 'pw\n' });
    expect(program.extraMounts).toEqual([{ source: dirs.runDir, target: '/run/postgresql', readOnly: false }]);
  });

  it('refuses to initialise without a password, as the image does', () => {
    const program = postgresProgram({ name: 'pg' }, {}, '198.18.0.9', dirs, '/pg/bin');
    expect(program.argv[2]).toContain('superuser password is not specified');
  });
});
