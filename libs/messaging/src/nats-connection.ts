import { connect } from '@nats-io/transport-node';
import type { ConnectionOptions, NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { loadNatsTransport, redactedUrl, type NatsTransport } from '@restash/config';
import { secretScrubber, type Logger } from '@restash/observability';
import { STREAMS, streamConfig } from './streams.js';

/** One NATS connection per process, reconnecting forever, with the JetStream streams ensured. */
export class NatsConnectionHolder {
  private constructor(
    readonly connection: NatsConnection,
    readonly jetstream: JetStreamClient,
    readonly manager: JetStreamManager,
  ) {}

  /** `target` as a bare URL takes credentials and TLS files from this process's environment (NATS_USER, NATS_TLS_CA_FILE…). */
  static async open(target: NatsTransport | string, name: string, logger: Logger): Promise<NatsConnectionHolder> {
    const transport = typeof target === 'string' ? loadNatsTransport(target) : target;
    const connection = await firstConnect(transport, name, logger);
    watchStatus(connection, logger);
    const manager = await jetstreamManager(connection);
    await ensureStreams(manager);
    return new NatsConnectionHolder(connection, jetstream(connection), manager);
  }

  async ping(): Promise<void> {
    if (this.connection.isClosed()) throw new Error('NATS connection closed');
    await this.connection.flush();
  }

  async close(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

/**
 * Connects, waiting for a NATS that is not up yet (each failed attempt logged), but failing at once
 * when the server refuses this client's credentials or TLS: retrying cannot fix configuration.
 */
async function firstConnect(transport: NatsTransport, name: string, logger: Logger): Promise<NatsConnection> {
  const options = { name, maxReconnectAttempts: -1, reconnectTimeWait: 500, ...natsConnectOptions(transport) };
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect(options);
    } catch (error) {
      const refusal = natsRefusal(error, transport);
      if (refusal) throw new NatsAccessError(refusal);
      logger.warn({ nats: redactedUrl(transport.url), attempt, err: error }, 'NATS not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 500, 5000)));
    }
  }
}

/** The server refused this client (credentials, TLS): a configuration problem, named for the operator. */
export class NatsAccessError extends Error {
  override name = 'NatsAccessError';
}

/** Pure: why NATS refused this client, naming the settings to check; undefined for errors worth retrying (not up yet). */
export function natsRefusal(error: unknown, transport: NatsTransport): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const where = `NATS at ${redactedUrl(transport.url)}`;
  if (/authori[sz]ation|authentication/i.test(`${error.name} ${error.message}`)) {
    const settings = transport.token ? 'NATS_TOKEN' : transport.user ? `NATS_USER=${transport.user} / NATS_PASSWORD` : 'no credentials (set NATS_USER/NATS_PASSWORD or NATS_TOKEN)';
    return `${where} refused the credentials: ${error.message} (${settings})`;
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (/CERT|SIGNATURE|SSL|TLS|HOSTNAME/i.test(code) || /certificate|tls|ssl/i.test(error.message)) {
    return `TLS with ${where} failed: ${error.message} (check NATS_TLS_CA_FILE${transport.tls?.certFile ? ', NATS_TLS_CERT_FILE, NATS_TLS_KEY_FILE' : ''} and the URL's scheme)`;
  }
  return undefined;
}

async function ensureStreams(manager: JetStreamManager): Promise<void> {
  for (const stream of Object.values(STREAMS)) {
    const config = streamConfig(stream);
    try {
      await manager.streams.info(stream.name);
      await manager.streams.update(stream.name, config);
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
      await manager.streams.add(config);
    }
  }
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}

function watchStatus(connection: NatsConnection, logger: Logger): void {
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        logger.warn({ nats: status.type, server: 'server' in status ? status.server : undefined }, `NATS ${status.type}`);
      }
    }
  })();
}

/** nats.js connection options for a transport; its secrets are remembered so no log line carries them. */
export function natsConnectOptions(transport: NatsTransport): ConnectionOptions {
  const { url, user, password, token, tls } = transport;
  secretScrubber.remember(password, token);
  return {
    servers: url,
    ...(user && { user }),
    ...(password && { pass: password }),
    ...(token && { token }),
    ...(tls && { tls: { ...tls } }),
  };
}
