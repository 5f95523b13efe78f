import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import type { Logger } from '@restash/observability';
import type { Registry } from 'prom-client';
import { HealthController } from './health.controller.js';
import { ReadinessRegistry } from './readiness-registry.js';
import { LOGGER, METRICS_REGISTRY, SERVICE_CONFIG } from './tokens.js';

export interface RuntimeContext {
  config: ServiceConfig;
  logger: Logger;
  metrics: Registry;
}

/** Global providers every service gets: its config, logger, metrics registry and readiness checks. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot({ config, logger, metrics }: RuntimeContext): DynamicModule {
    return {
      module: RuntimeModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: METRICS_REGISTRY, useValue: metrics },
        ReadinessRegistry,
      ],
      exports: [SERVICE_CONFIG, LOGGER, METRICS_REGISTRY, ReadinessRegistry],
    };
  }
}
