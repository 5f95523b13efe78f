/** A referenced object does not exist; the message names it so it can go into a status condition as is. */
export class MissingObjectError extends Error {
  override name = 'MissingObjectError';
}
