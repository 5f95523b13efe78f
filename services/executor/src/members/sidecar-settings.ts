import { EnvReader } from '@restash/config';

/** How the executor waits for the `stash` sidecars' results, from its environment. */
export interface SidecarSettings {
  /** How long a member waits for its hosts' results when the session has no earlier deadline (AGENT_RESULT_TIMEOUT_SECONDS). */
  resultTimeoutMs: number;
  /** How often the session status is read for them (AGENT_RESULT_POLL_MS). */
  resultPollMs: number;
}

export const SIDECAR_SETTINGS = Symbol('SIDECAR_SETTINGS');

export function loadSidecarSettings(env = new EnvReader()): SidecarSettings {
  return {
    resultTimeoutMs: env.integer('AGENT_RESULT_TIMEOUT_SECONDS', 1800, { min: 1 }) * 1000,
    resultPollMs: env.integer('AGENT_RESULT_POLL_MS', 1000, { min: 50 }),
  };
}
