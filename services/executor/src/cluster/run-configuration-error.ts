/**
 * A run cannot be configured: a referenced object is missing or may not be used. The message names
 * the object and the reason, so it can go into a status condition as it is.
 */
export class RunConfigurationError extends Error {
  override name = 'RunConfigurationError';
}
