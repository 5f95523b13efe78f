import 'reflect-metadata';
import { type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadServiceConfig, type ServiceConfig } from '@restash/config';
import { createLogger, createMetricsRegistry, type Logger } from '@restash/observability';
import { PinoNestLogger } from './pino-nest-logger.js';
import { ReadinessRegistry } from './readiness-registry.js';
import { RuntimeModule } from './runtime.module.js';

export interface ServiceDefinition {
  name: string;
  defaultHttpPort: number;
  /** The service's root module; it may import anything, the runtime providers are global. */
  module: Type<unknown>;
  /** Runs after the HTTP server listens, e.g. to connect a microservice transport. */
  afterListen?: (app: INestApplication, config: ServiceConfig) => Promise<void>;
}

/**
 * Starts a restash service: JSON logs, /healthz /readyz /metrics, and a graceful shutdown on
 * SIGTERM/SIGINT (readiness turns false, Nest's shutdown hooks close connections, and the process
 * exits even if something hangs past SHUTDOWN_TIMEOUT_MS).
 */
export async function runService(definition: ServiceDefinition): Promise<INestApplication> {
  let logger = createLogger({ service: definition.name });
  try {
    const config = loadServiceConfig(definition.name, definition.defaultHttpPort);
    logger = createLogger({ service: config.service, level: config.logLevel, instanceId: config.instanceId });
    return await startService(definition, config, logger);
  } catch (error) {
    // A configuration or access problem (a missing file, refused credentials) ends the process with one clear line.
    logger.fatal({ err: error }, `${definition.name} cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function startService(definition: ServiceDefinition, config: ServiceConfig, logger: Logger): Promise<INestApplication> {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  @Module({ imports: [RuntimeModule.forRoot({ config, logger, metrics: createMetricsRegistry(config.service) }), definition.module] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, { logger: new PinoNestLogger(logger), abortOnError: false });
  installShutdown(app, config, logger);
  await app.listen(config.httpPort, process.env['HTTP_HOST'] ?? '0.0.0.0');
  await definition.afterListen?.(app, config);
  logger.info({ port: config.httpPort }, `${config.service} started`);
  return app;
}

function installShutdown(app: INestApplication, config: ServiceConfig, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.get(ReadinessRegistry).markDraining();
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
