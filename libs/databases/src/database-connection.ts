export const DATABASE_ENGINES = ['mysql', 'mariadb', 'postgres'] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

/** How to reach a database server. Without `database`, every database of the server is dumped. */
export interface DatabaseConnection {
  engine: DatabaseEngine;
  host: string;
  port: number;
  username: string;
  password: string;
  database?: string;
  /** Connection URL query parameters; for PostgreSQL, libpq ones like sslmode are honoured. */
  params?: Record<string, string>;
}

export const DEFAULT_PORTS: Record<DatabaseEngine, number> = { mysql: 3306, mariadb: 3306, postgres: 5432 };
