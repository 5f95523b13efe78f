import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@restash/config';
import type { Logger } from '@restash/observability';
import { LOGGER, ReadinessRegistry, SERVICE_CONFIG } from '@restash/service-runtime';
import type { Redis } from 'ioredis';
import { createRedisConnection, redisConnectionProblem } from './redis-connection.js';

export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

/** The process's Redis connection for BullMQ producers and workers; reports Redis in /readyz. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CONNECTION,
      inject: [SERVICE_CONFIG, LOGGER],
      useFactory: (config: ServiceConfig, logger: Logger) => createRedisConnection(config.redis, `${config.service}/${config.instanceId}`, logger),
    },
  ],
  exports: [REDIS_CONNECTION],
})
export class QueueModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('redis', async () => {
      const problem = redisConnectionProblem(this.redis);
      if (problem) throw new Error(problem);
      await this.redis.ping();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
