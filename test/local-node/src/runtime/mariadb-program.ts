import type { V1Container } from '@kubernetes/client-node';
import { type DatabaseDirs, type DatabaseProgram, containerPort, defaultDataMount } from './database-program.js';
import { shellQuote } from './shell-quote.js';
import { sqlIdentifier, sqlString } from './sql-quote.js';

const dataDir = '/var/lib/mysql';
const runDir = '/run/mysqld';

/** `mysql:*` / `mariadb:*` as Debian's mariadbd, initialised the way the images' entrypoints do it. */
export function mariadbProgram(
  container: V1Container,
  env: Readonly<Record<string, string>>,
  podIP: string,
  dirs: DatabaseDirs,
  randomPassword: () => string,
): DatabaseProgram {
  const port = containerPort(container, 3306);
  const initSql = mariadbInitSql(env, randomPassword);
  const script = [
    'set -e',
    `if [ ! -d ${dataDir}/mysql ]; then`,
    initSql === undefined
      ? `  echo 'error: database is uninitialized and password option is not specified (set MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD or MYSQL_RANDOM_ROOT_PASSWORD)' >&2; exit 1`
      : `  echo "initializing database in ${dataDir}"`,
    `  mariadb-install-db --no-defaults --datadir=${dataDir} --user=root --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve >/dev/null`,
    `  set -- --init-file=${runDir}/init.sql`,
    'fi',
    `rm -f ${runDir}/mysqld.sock ${runDir}/mysqld.pid`,
    `exec mariadbd --no-defaults --datadir=${dataDir} --user=root --bind-address=${shellQuote(podIP)} --port=${port} ` +
      `--socket=${runDir}/mysqld.sock --pid-file=${runDir}/mysqld.pid --skip-name-resolve "$@"`,
  ].join('\n');
  return {
    argv: ['/bin/sh', '-c', script],
    runFiles: initSql === undefined ? {} : { 'init.sql': initSql },
    extraMounts: [{ source: dirs.runDir, target: runDir, readOnly: false }, ...defaultDataMount(container, dataDir, dirs.defaultDataDir)],
    port,
  };
}

/** The first-start SQL of the images' entrypoints (one statement per line, as --init-file wants), or undefined without a root password option. */
export function mariadbInitSql(env: Readonly<Record<string, string>>, randomPassword: () => string): string | undefined {
  const get = (name: string) => env[`MARIADB_${name}`] ?? env[`MYSQL_${name}`];
  const random = !!get('RANDOM_ROOT_PASSWORD');
  const allowEmpty = !!(env.MARIADB_ALLOW_EMPTY_ROOT_PASSWORD ?? env.MYSQL_ALLOW_EMPTY_PASSWORD);
  let rootPassword = get('ROOT_PASSWORD');
  if (!rootPassword && random) rootPassword = randomPassword();
  if (!rootPassword && !allowEmpty) return undefined;
  const rootHost = get('ROOT_HOST') ?? '%';
  const lines = [
    "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1';",
    "EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS root@\\'', @@hostname, '\\'');",
  ];
  if (random) lines.push(`SELECT CONCAT('GENERATED ROOT PASSWORD: ', ${sqlString(rootPassword!)});`);
  if (rootPassword) lines.push(`SET PASSWORD FOR 'root'@'localhost' = PASSWORD(${sqlString(rootPassword)});`);
  if (rootHost !== 'localhost') {
    lines.push(`CREATE USER IF NOT EXISTS 'root'@${sqlString(rootHost)} IDENTIFIED BY ${sqlString(rootPassword ?? '')};`);
    lines.push(`GRANT ALL ON *.* TO 'root'@${sqlString(rootHost)} WITH GRANT OPTION;`);
  }
  const database = get('DATABASE');
  if (database) lines.push(`CREATE DATABASE IF NOT EXISTS ${sqlIdentifier(database)};`);
  const user = get('USER');
  const password = get('PASSWORD');
  if (user && password) {
    lines.push(`CREATE USER IF NOT EXISTS ${sqlString(user)}@'%' IDENTIFIED BY ${sqlString(password)};`);
    if (database) lines.push(`GRANT ALL ON ${sqlIdentifier(database)}.* TO ${sqlString(user)}@'%';`);
  }
  lines.push('FLUSH PRIVILEGES;');
  return `${lines.join('\n')}\n`;
}
