import type { AppBinding } from '@restash/api';
import { DEFAULT_PORTS, type DatabaseConnection, type DatabaseEngine } from './database-connection.js';

export class AppBindingError extends Error {
  override readonly name = 'AppBindingError';
}

export interface ServiceAddress {
  host: string;
  port: number;
}

/** Where a Service of the AppBinding's namespace is reached from here. */
export type ServiceResolver = (service: { name: string; namespace: string; port: number }) => ServiceAddress;

/** In-cluster DNS: `<service>.<namespace>.svc`, the Service's own port. */
export const clusterServiceAddress: ServiceResolver = ({ name, namespace, port }) => ({ host: `${name}.${namespace}.svc`, port });

const ENGINES: Record<string, DatabaseEngine> = { mysql: 'mysql', mariadb: 'mariadb', postgres: 'postgres', postgresql: 'postgres' };

/** Pure: `mysql`, `kubedb.com/mysql`, `MariaDB`, `postgres`, `kubedb.com/postgres`… → engine. */
export function engineOf(type: string | undefined): DatabaseEngine {
  const engine = ENGINES[(type ?? '').split('/').pop()!.toLowerCase()];
  if (!engine) throw new AppBindingError(`AppBinding type "${type ?? ''}" is not a supported database (mysql, mariadb, postgres)`);
  return engine;
}

/**
 * Pure: the connection an AppBinding describes. `secretData` is its Secret's data, base64-decoded
 * (keys `username`, `password`).
 */
export function connectionFromAppBinding(
  appBinding: AppBinding,
  secretData: Record<string, string>,
  resolveService: ServiceResolver = clusterServiceAddress,
): DatabaseConnection {
  const engine = engineOf(appBinding.spec.type);
  const secretName = appBinding.spec.secret?.name ?? 'the AppBinding Secret';
  const username = secretData['username'];
  const password = secretData['password'];
  if (!username) throw new AppBindingError(`Secret "${secretName}" has no username key`);
  if (password === undefined) throw new AppBindingError(`Secret "${secretName}" has no password key`);
  return { engine, username, password, ...address(appBinding, engine, resolveService) };
}

type Address = Pick<DatabaseConnection, 'host' | 'port' | 'database' | 'params'>;

function address(appBinding: AppBinding, engine: DatabaseEngine, resolveService: ServiceResolver): Address {
  const { url, service } = appBinding.spec.clientConfig;
  if (url) return parseClientUrl(url, DEFAULT_PORTS[engine]);
  if (!service) throw new AppBindingError(`AppBinding "${appBinding.metadata.name}" has neither clientConfig.url nor clientConfig.service`);
  const namespace = appBinding.metadata.namespace ?? 'default';
  const { host, port } = resolveService({ name: service.name, namespace, port: service.port });
  return { host, port, ...pathAndQuery(`${service.path ?? ''}${service.query ? `?${service.query}` : ''}`) };
}

/** Pure: `mysql://host:3306/db?x=y`, `postgres://…`, or the Go driver form `[user@]tcp(host:3306)/db` (credentials come from the Secret). */
export function parseClientUrl(url: string, defaultPort: number): Address {
  const driverForm = /^(?:[^@/]*@)?tcp\(([^)]+)\)(.*)$/i.exec(url);
  if (driverForm) {
    const [host, port] = splitHostPort(driverForm[1]!, defaultPort);
    return { host, port, ...pathAndQuery(driverForm[2]!) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppBindingError(`clientConfig.url "${url}" is not a URL`);
  }
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : defaultPort,
    ...pathAndQuery(`${parsed.pathname}${parsed.search}`),
  };
}

function splitHostPort(hostPort: string, defaultPort: number): [string, number] {
  const match = /^(.*):(\d+)$/.exec(hostPort);
  return match ? [match[1]!, Number(match[2])] : [hostPort, defaultPort];
}

function pathAndQuery(text: string): Pick<Address, 'database' | 'params'> {
  const [path = '', query = ''] = text.split('?', 2);
  const database = decodeURIComponent(path.replace(/^\/+|\/+$/g, ''));
  const params = Object.fromEntries(new URLSearchParams(query));
  return { ...(database ? { database } : {}), ...(Object.keys(params).length ? { params } : {}) };
}
