import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import { LOGGER } from '@restash/service-runtime';
import { JetStreamServer, type ConsumerSettings } from './jetstream-server.js';
import { NatsConnectionHolder } from './nats-connection.js';

/** Connects the JetStream transport so the app's @EventPattern handlers start consuming. */
export async function startJetStreamConsumers(app: INestApplication, config: ServiceConfig, settings?: Partial<ConsumerSettings>): Promise<void> {
  const strategy = new JetStreamServer(app.get(NatsConnectionHolder), { service: config.service, logger: app.get(LOGGER), settings });
  app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
