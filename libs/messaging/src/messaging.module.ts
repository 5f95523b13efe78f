import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import type { Logger } from '@restash/observability';
import { LOGGER, ReadinessRegistry, SERVICE_CONFIG } from '@restash/service-runtime';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { NatsConnectionHolder } from './nats-connection.js';

/** The process's NATS connection and JetStream publisher; reports NATS reachability in /readyz. */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(NatsConnectionHolder) private readonly nats: NatsConnectionHolder,
    private readonly readiness: ReadinessRegistry,
  ) {}

  static forRoot(): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: NatsConnectionHolder,
          inject: [SERVICE_CONFIG, LOGGER],
          useFactory: (config: ServiceConfig, logger: Logger) =>
            NatsConnectionHolder.open(config.nats, `${config.service}/${config.instanceId}`, logger),
        },
        { provide: JetStreamPublisher, inject: [NatsConnectionHolder], useFactory: (nats: NatsConnectionHolder) => new JetStreamPublisher(nats) },
      ],
      exports: [NatsConnectionHolder, JetStreamPublisher],
    };
  }

  onModuleInit(): void {
    this.readiness.register('nats', () => this.nats.ping());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nats.close();
  }
}
