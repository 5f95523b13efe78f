import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry with the default process metrics; every series carries the service label. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
