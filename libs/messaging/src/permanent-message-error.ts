/**
 * Thrown by a message handler when retrying cannot help (malformed message, object gone):
 * the message is terminated at once and dead-lettered instead of redelivered.
 */
export class PermanentMessageError extends Error {
  override name = 'PermanentMessageError';
}
