import type { NatsTransport } from '@restash/config';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging/nats';
import type { Logger } from '@restash/observability';

/** A one-shot runner's report: connect to NATS, publish one message with its id, and close again. */
export async function publishOnce(nats: NatsTransport, client: string, subject: string, payload: unknown, messageId: string, logger: Logger): Promise<void> {
  const connection = await NatsConnectionHolder.open(nats, client, logger);
  try {
    await new JetStreamPublisher(connection).publish(subject, payload, messageId);
  } finally {
    await connection.close();
  }
}
