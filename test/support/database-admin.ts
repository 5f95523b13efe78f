import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface ServerUrl {
  host: string;
  port: number;
  username: string;
  password: string;
}

function serverUrl(variable: 'MARIADB_URL' | 'POSTGRES_URL'): ServerUrl {
  const text = process.env[variable];
  if (!text) throw new Error(`${variable} is not set: start the stack with ./dev up --infra`);
  const url = new URL(text);
  return {
    host: url.hostname,
    port: Number(url.port),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** A short random suffix for per-test database and user names. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** Runs SQL on the stack's MariaDB as its administrator; returns tab-separated rows. */
export async function mariadbSql(sql: string, database?: string): Promise<string> {
  const { host, port, username, password } = serverUrl('MARIADB_URL');
  const args = [
    '--host',
    host,
    '--port',
    String(port),
    '--protocol=TCP',
    '--user',
    username,
    '--batch',
    '--skip-column-names',
    '-e',
    sql,
    ...(database ? [database] : []),
  ];
  const { stdout } = await run('mariadb', args, { env: { ...process.env, MYSQL_PWD: password } });
  return stdout.trim();
}

/** A MariaDB account reachable over TCP at MARIADB_URL's address, with every privilege on one database. */
export async function createMariadbUser(
  database: string,
): Promise<{ host: string; port: number; username: string; password: string; drop(): Promise<void> }> {
  const { host, port } = serverUrl('MARIADB_URL');
  const username = uniqueName('restash_it');
  const password = randomBytes(12).toString('hex');
  const account = `'${username}'@'${host}'`;
  await mariadbSql(`CREATE USER ${account} IDENTIFIED BY '${password}'; GRANT ALL ON \`${database}\`.* TO ${account};`);
  return { host, port, username, password, drop: () => mariadbSql(`DROP USER IF EXISTS ${account}`).then(() => undefined) };
}

/** The stack's PostgreSQL administrator, as MARIADB_URL's counterpart POSTGRES_URL gives it. */
export function postgresAdmin(): ServerUrl {
  return serverUrl('POSTGRES_URL');
}

/** Runs SQL on the stack's PostgreSQL as its administrator; returns |-separated rows. */
export async function postgresSql(sql: string, database = 'postgres'): Promise<string> {
  const { host, port, username, password } = postgresAdmin();
  const args = [
    '--host',
    host,
    '--port',
    String(port),
    '--username',
    username,
    '--dbname',
    database,
    '--no-psqlrc',
    '-v',
    'ON_ERROR_STOP=1',
    '-Atc',
    sql,
  ];
  const { stdout } = await run('psql', args, { env: { ...process.env, PGPASSWORD: password } });
  return stdout.trim();
}
