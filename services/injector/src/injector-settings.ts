import { EnvReader, NATS_PROTOCOLS, type ServiceConfig } from '@restash/config';
import { runnerNatsSecretData } from '@restash/messaging';

/** Injector knobs, from its environment. */
export interface InjectorSettings {
  /** restash's own image: the `stash` sidecar runs it (RESTASH_IMAGE). */
  image: string;
  /** The NATS the sidecars connect to (AGENT_NATS_URL; default the injector's own NATS_URL). */
  agentNatsUrl: string;
  /** The injector's own NATS credentials and TLS files, copied into each sidecar's Secret (read once at start). */
  agentNats: Record<string, string>;
  /** Every injected workload is reconciled again this often, for changes no watch reports: Repositories, their Secrets (RESYNC_SECONDS). */
  resyncIntervalMs: number;
}

export const INJECTOR_SETTINGS = Symbol('INJECTOR_SETTINGS');

export function loadInjectorSettings(config: ServiceConfig, env = new EnvReader()): InjectorSettings {
  return {
    image: env.string('RESTASH_IMAGE', 'ghcr.io/restash/restash:latest'),
    agentNatsUrl: env.url('AGENT_NATS_URL', NATS_PROTOCOLS, config.nats.url),
    agentNats: runnerNatsSecretData(config.nats),
    resyncIntervalMs: env.integer('RESYNC_SECONDS', 300, { min: 1 }) * 1000,
  };
}
