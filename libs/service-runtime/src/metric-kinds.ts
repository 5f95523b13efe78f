// The prom-client metric kinds, for services registering their own series on METRICS_REGISTRY
// (one prom-client for the whole process, the one the registry comes from).
export { Counter, Gauge, Histogram, Registry } from 'prom-client';
