import { Inject, Injectable } from '@nestjs/common';
import type { BackupSessionEvent } from '@restash/events';
import { Counter, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';
import { hookOutcome } from './hook-outcome.js';

/** `restash_hook_executions_total{hook, result}`, read from the hook conditions the executor publishes. */
@Injectable()
export class HookMetrics {
  private readonly executions: Counter<'hook' | 'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.executions = new Counter({ name: 'restash_hook_executions_total', help: 'Hook executions (member hooks count once per target), by hook and result.', labelNames: ['hook', 'result'], registers: [registry] });
  }

  observe(event: BackupSessionEvent): void {
    const outcome = hookOutcome(event);
    if (outcome) this.executions.inc({ hook: outcome.hook, result: outcome.result });
  }
}
