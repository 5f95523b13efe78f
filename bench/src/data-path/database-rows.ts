import { postgresSql } from '../../../test/support/database-admin.js';

/** Rows whose pg_dump takes about 165 bytes each (id, time, kind, a 128-character payload). */
const DUMP_BYTES_PER_ROW = 165;

/**
 * Fills a PostgreSQL database of the stack with an `events` table whose dump is about `dumpBytes`;
 * resolves with the database's size on disk.
 */
export async function fillPostgres(database: string, dumpBytes: number): Promise<number> {
  const rows = Math.round(dumpBytes / DUMP_BYTES_PER_ROW);
  await postgresSql(
    `CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL, payload text NOT NULL);
     INSERT INTO events
       SELECT g, timestamptz '2025-01-01' + g * interval '1 second', (ARRAY['view','click','order','refund'])[1 + g % 4],
              md5(g::text) || md5((g + 1)::text) || md5((g + 2)::text) || md5((g + 3)::text)
       FROM generate_series(1, ${rows}) AS g;
     ANALYZE events;`,
    database,
  );
  return Number(await postgresSql(`SELECT pg_database_size(current_database())`, database));
}
