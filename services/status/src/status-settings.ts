import { EnvReader } from '@restash/config';

/** Status service knobs, from its environment. */
export interface StatusSettings {
  /**
   * How long an object's first status update waits for others before they are written together
   * (STATUS_WRITE_LINGER_MS): a session's events come in bursts (a member's condition and its start,
   * a result and the session's end), and one write for a burst spares the API server and its watchers.
   */
  writeLingerMs: number;
}

export const STATUS_SETTINGS = Symbol('STATUS_SETTINGS');

export function loadStatusSettings(env = new EnvReader()): StatusSettings {
  return { writeLingerMs: env.integer('STATUS_WRITE_LINGER_MS', 20, { min: 0, max: 5000 }) };
}
