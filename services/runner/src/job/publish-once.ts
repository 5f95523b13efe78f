import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging';
import type { Logger } from '@restash/observability';

/** A one-shot runner's report: connect to NATS, publish one message with its id, and close again. */
export async function publishOnce(natsUrl: string, client: string, subject: string, payload: unknown, messageId: string, logger: Logger): Promise<void> {
  const nats = await NatsConnectionHolder.open(natsUrl, client, logger);
  try {
    await new JetStreamPublisher(nats).publish(subject, payload, messageId);
  } finally {
    await nats.close();
  }
}
