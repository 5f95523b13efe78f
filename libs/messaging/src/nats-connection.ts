import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { secretScrubber, type Logger } from '@restash/observability';
import { STREAMS, streamConfig } from './streams.js';

/** One NATS connection per process, reconnecting forever, with the JetStream streams ensured. */
export class NatsConnectionHolder {
  private constructor(
    readonly connection: NatsConnection,
    readonly jetstream: JetStreamClient,
    readonly manager: JetStreamManager,
  ) {}

  static async open(url: string, name: string, logger: Logger): Promise<NatsConnectionHolder> {
    const connection = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: true, ...natsCredentials() });
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

/** nats.js ignores credentials in the URL; they come from the environment (the chart fills them from a Secret). */
function natsCredentials(env: NodeJS.ProcessEnv = process.env): { user?: string; pass?: string; token?: string } {
  const credentials = { user: env['NATS_USER'], pass: env['NATS_PASSWORD'], token: env['NATS_TOKEN'] };
  secretScrubber.remember(credentials.pass, credentials.token);
  return Object.fromEntries(Object.entries(credentials).filter(([, value]) => value)) as { user?: string; pass?: string; token?: string };
}
