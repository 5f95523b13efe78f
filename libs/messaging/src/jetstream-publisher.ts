import type { NatsConnectionHolder } from './nats-connection.js';

export interface PublishResult {
  sequence: number;
  /** True when JetStream already stored a message with this id: the publish was dropped. */
  duplicate: boolean;
}

/** Publishes JSON messages to JetStream; the message id makes a repeated publish a no-op. */
export class JetStreamPublisher {
  constructor(private readonly nats: NatsConnectionHolder) {}

  async publish(subject: string, payload: unknown, messageId: string): Promise<PublishResult> {
    const ack = await this.nats.jetstream.publish(subject, JSON.stringify(payload), { msgID: messageId });
    return { sequence: ack.seq, duplicate: ack.duplicate };
  }
}
