import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { ReadinessRegistry } from './readiness-registry.js';
import { METRICS_REGISTRY } from './tokens.js';

interface StatusResponse {
  status(code: number): { json(body: unknown): void };
}

/** Liveness, readiness and Prometheus metrics, the same on every service. */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(METRICS_REGISTRY) private readonly metrics: Registry,
  ) {}

  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(@Res() response: StatusResponse): Promise<void> {
    const report = await this.readiness.report();
    response.status(report.ready ? 200 : 503).json(report);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metricsText(): Promise<string> {
    return this.metrics.metrics();
  }
}
