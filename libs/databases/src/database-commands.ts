import type { DatabaseConnection } from './database-connection.js';

/** A client program to run: the first of `candidates` found on PATH, with args and extra env. */
export interface ToolCommand {
  candidates: string[];
  args: string[];
  /** The password travels here (MYSQL_PWD / PGPASSWORD), never in args. */
  env: Record<string, string>;
}

export interface RestoreCommand extends ToolCommand {
  /**
   * Errors the client reported (it may go on after errors) that make the restore a failure;
   * empty means success.
   */
  fatalErrors(stderr: string): string[];
}

// libpq settings a connection URL may carry, and the environment variable each becomes.
const LIBPQ_PARAMS: Record<string, string> = {
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  application_name: 'PGAPPNAME',
  options: 'PGOPTIONS',
};

/** Pure: the dumper for a connection; its stdout is the SQL to back up. */
export function dumpCommand(connection: DatabaseConnection, extraArgs: string[] = []): ToolCommand {
  if (connection.engine === 'postgres') {
    const selection = connection.database ? ['--dbname', connection.database] : [];
    return {
      candidates: [connection.database ? 'pg_dump' : 'pg_dumpall'],
      args: [...postgresArgs(connection), '--clean', '--if-exists', ...extraArgs, ...selection],
      env: postgresEnv(connection),
    };
  }
  const selection = connection.database ? ['--databases', connection.database] : ['--all-databases'];
  return {
    candidates: ['mariadb-dump', 'mysqldump'],
    args: [...mysqlArgs(connection), '--single-transaction', '--routines', '--events', '--triggers', ...extraArgs, ...selection],
    env: { MYSQL_PWD: connection.password },
  };
}

/** Pure: the client that replays a dump read from its stdin. */
export function restoreCommand(connection: DatabaseConnection, extraArgs: string[] = []): RestoreCommand {
  if (connection.engine === 'postgres') return postgresRestore(connection, extraArgs);
  // The mariadb client stops at the first error and exits non-zero.
  return {
    candidates: ['mariadb', 'mysql'],
    args: [...mysqlArgs(connection), ...extraArgs],
    env: { MYSQL_PWD: connection.password },
    fatalErrors: () => [],
  };
}

function postgresRestore(connection: DatabaseConnection, extraArgs: string[]): RestoreCommand {
  const base = [...postgresArgs(connection), '--no-psqlrc', '--quiet'];
  const env = postgresEnv(connection);
  if (connection.database) {
    return {
      candidates: ['psql'],
      args: [...base, '-v', 'ON_ERROR_STOP=1', '--single-transaction', ...extraArgs, '--dbname', connection.database],
      env,
      fatalErrors: () => [],
    };
  }
  // A pg_dumpall script cannot run with ON_ERROR_STOP: it drops and creates every role, including
  // the one it is connected as, and relies on those two statements failing harmlessly.
  return {
    candidates: ['psql'],
    args: [...base, '-v', 'ON_ERROR_STOP=0', ...extraArgs, '--dbname', 'postgres'],
    env,
    fatalErrors: (stderr) => unexpectedClusterRestoreErrors(stderr, connection.username),
  };
}

/** Pure: psql ERROR lines of a pg_dumpall replay, except the two about the connected role. */
export function unexpectedClusterRestoreErrors(stderr: string, username: string): string[] {
  const harmless = [/ERROR:\s+current user cannot be dropped/, new RegExp(`ERROR:\\s+role "${escapeRegExp(username)}" already exists`)];
  return stderr
    .split('\n')
    .filter((line) => /\b(ERROR|FATAL):/.test(line))
    .filter((line) => !harmless.some((pattern) => pattern.test(line)));
}

function mysqlArgs({ host, port, username }: DatabaseConnection): string[] {
  return ['--host', host, '--port', String(port), '--user', username, '--protocol=TCP'];
}

function postgresArgs({ host, port, username }: DatabaseConnection): string[] {
  return ['--host', host, '--port', String(port), '--username', username, '--no-password'];
}

function postgresEnv({ password, params = {} }: DatabaseConnection): Record<string, string> {
  const env: Record<string, string> = { PGPASSWORD: password };
  for (const [param, value] of Object.entries(params)) {
    const name = LIBPQ_PARAMS[param];
    if (name) env[name] = value;
  }
  return env;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
