/** A message that will not be processed: malformed, or still failing after its last delivery. */
export interface DeadLetter {
  consumer: string;
  subject: string;
  deliveries: number;
  error: string;
  /** The message body as received (bounded), so the status service can attribute it. */
  data: string;
}

export const DEAD_LETTER_SUBJECT = 'restash.status.dead-letter';
export const MAX_DEAD_LETTER_DATA = 4096;
