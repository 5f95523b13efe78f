/** A hook that failed; the message says which action and why, ready for a condition or an Event. */
export class HookError extends Error {
  override name = 'HookError';
}
