import type { V1Container } from '@kubernetes/client-node';
import { type DatabaseDirs, type DatabaseProgram, containerPort, defaultDataMount } from './database-program.js';
import { shellQuote } from './shell-quote.js';

const runDir = '/run/postgresql';

/** `postgres:*` as Debian's postgres (newest installed major), run as the postgres user, initialised like the image does. */
export function postgresProgram(
  container: V1Container,
  env: Readonly<Record<string, string>>,
  podIP: string,
  dirs: DatabaseDirs,
  binDir: string,
): DatabaseProgram {
  const port = containerPort(container, 5432);
  const pgdata = env.PGDATA || '/var/lib/postgresql/data';
  const user = env.POSTGRES_USER || 'postgres';
  const database = env.POSTGRES_DB || user;
  const password = env.POSTGRES_PASSWORD;
  const hostAuth = env.POSTGRES_HOST_AUTH_METHOD || (password ? 'scram-sha-256' : '');
  const asPostgres = 'runuser -u postgres --';
  const initdbArgs = (env.POSTGRES_INITDB_ARGS ?? '').split(/\s+/).filter(Boolean).map(shellQuote).join(' ');
  const script = [
    'set -e',
    `PGDATA=${shellQuote(pgdata)}`,
    'mkdir -p "$PGDATA"',
    `chown postgres:postgres "$PGDATA" ${runDir}`,
    'chmod 700 "$PGDATA"',
    'if [ ! -s "$PGDATA/PG_VERSION" ]; then',
    ...(hostAuth
      ? [
          `  echo "initializing database in $PGDATA"`,
          ...(password ? [`  chown postgres ${runDir}/pwfile`] : []),
          `  ${asPostgres} ${binDir}/initdb -D "$PGDATA" -U ${shellQuote(user)} ${password ? `--pwfile=${runDir}/pwfile ` : ''}` +
            `--auth-local=trust --auth-host=${shellQuote(hostAuth)} ${initdbArgs} >/dev/null`,
          `  echo ${shellQuote(`host all all all ${hostAuth}`)} >>"$PGDATA/pg_hba.conf"`,
          ...(database !== 'postgres'
            ? [
                `  echo ${shellQuote(`CREATE DATABASE "${database.replace(/"/g, '""')}";`)} | ${asPostgres} ${binDir}/postgres --single -D "$PGDATA" postgres >/dev/null`,
              ]
            : []),
        ]
      : [`  echo 'error: database is uninitialized and superuser password is not specified (set POSTGRES_PASSWORD)' >&2`, '  exit 1']),
    'fi',
    `rm -f ${runDir}/pwfile`,
    `exec ${asPostgres} ${binDir}/postgres -D "$PGDATA" -c listen_addresses=${shellQuote(podIP)} -c port=${port} -c unix_socket_directories=${runDir}`,
  ].join('\n');
  return {
    argv: ['/bin/sh', '-c', script],
    runFiles: password ? { pwfile: `${password}\n` } : {},
    extraMounts: [{ source: dirs.runDir, target: runDir, readOnly: false }, ...defaultDataMount(container, pgdata, dirs.defaultDataDir)],
    port,
  };
}
