/** A member's repository cannot be used; the message names the object and why, ready for a condition. */
export class RepositoryUnavailableError extends Error {
  override name = 'RepositoryUnavailableError';
}
