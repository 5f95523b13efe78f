/**
 * Thrown by a message handler when retrying cannot help (malformed message, object gone):
 * the message is terminated at once and dead-lettered instead of redelivered.
 */
export class PermanentMessageError extends Error {
  override name = 'PermanentMessageError';
  readonly permanent = true;
}

/** Any error that says of itself that retrying cannot help (`permanent: true`), such as an invalid message. */
export function isPermanentError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}
