import { Type } from '@sinclair/typebox';

/** The DeadLetter contract (libs/messaging) as a schema, to check letters received; runRequestFailure takes the interface, so drift fails to compile. */
export const DeadLetterSchema = Type.Object({
  consumer: Type.String(),
  subject: Type.String(),
  deliveries: Type.Integer({ minimum: 0 }),
  error: Type.String(),
  data: Type.String(),
});
