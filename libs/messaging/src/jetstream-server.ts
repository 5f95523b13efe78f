import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import type { Logger } from '@restash/observability';
import { lastValueFrom } from 'rxjs';
import { DEAD_LETTER_SUBJECT, MAX_DEAD_LETTER_DATA, type DeadLetter } from './dead-letter.js';
import { JetStreamContext } from './jetstream-context.js';
import type { NatsConnectionHolder } from './nats-connection.js';
import { isPermanentError } from './permanent-message-error.js';
import { redeliveryDelayMs } from './redelivery-delay.js';
import { streamForSubject } from './streams.js';

export interface ConsumerSettings {
  /** Deliveries before a failing message is dead-lettered. */
  maxDeliver: number;
  ackWaitMs: number;
  /** Messages processed at once per subscribed pattern. */
  concurrency: number;
  /** The server deletes a durable consumer nobody pulled from for this long (unset: kept forever). */
  inactiveThresholdMs?: number;
}

export interface JetStreamServerOptions {
  /** Durable consumer names derive from it; replicas of one service share the consumers. */
  service: string;
  logger: Logger;
  settings?: Partial<ConsumerSettings>;
}

const DEFAULT_SETTINGS: ConsumerSettings = { maxDeliver: 5, ackWaitMs: 30_000, concurrency: 8 };

/** restash's own messages are a few KiB; anything far larger is not one of them and is not parsed. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * A NestJS microservice transport over JetStream durable pull consumers: each @EventPattern
 * subject gets a durable consumer; a message is acked after its handler succeeds, redelivered with
 * back-off when it fails, and dead-lettered (published to DEAD_LETTER_SUBJECT) when it is malformed,
 * oversized or fails on its last delivery, so no message loops forever.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private readonly settings: ConsumerSettings;
  private readonly subscriptions: ConsumerMessages[] = [];
  private readonly pumps: Array<Promise<void>> = [];

  constructor(
    private readonly nats: NatsConnectionHolder,
    private readonly options: JetStreamServerOptions,
  ) {
    super();
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.messageHandlers) await this.subscribe(pattern, handler);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) await subscription.close();
    await Promise.all(this.pumps);
  }

  on(): never {
    throw new Error('JetStreamServer does not emit events');
  }

  unwrap<T>(): T {
    return this.nats.connection as T;
  }

  private async subscribe(subject: string, handler: MessageHandler): Promise<void> {
    const stream = streamForSubject(subject);
    const durable = durableName(this.options.service, subject);
    const config = {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.settings.ackWaitMs),
      max_deliver: this.settings.maxDeliver,
      max_ack_pending: Math.max(1000, this.settings.concurrency * 4),
      ...(this.settings.inactiveThresholdMs ? { inactive_threshold: nanos(this.settings.inactiveThresholdMs) } : {}),
    };
    try {
      await this.nats.manager.consumers.update(stream, durable, config);
    } catch {
      await this.nats.manager.consumers.add(stream, config);
    }
    const consumer = await this.nats.jetstream.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: this.settings.concurrency });
    this.subscriptions.push(messages);
    this.pumps.push(this.pump(messages, handler));
    this.options.logger.info({ stream, durable, subject }, 'consuming');
  }

  private async pump(messages: ConsumerMessages, handler: MessageHandler): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for await (const message of messages) {
      const task: Promise<void> = this.process(message, handler).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= this.settings.concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private async process(message: JsMsg, handler: MessageHandler): Promise<void> {
    if (message.data.length > MAX_MESSAGE_BYTES) {
      await this.deadLetter(message, `message is ${message.data.length} bytes, over the ${MAX_MESSAGE_BYTES} byte limit`);
      return;
    }
    let data: unknown;
    try {
      data = message.json();
    } catch {
      await this.deadLetter(message, 'message body is not JSON');
      return;
    }
    const keepAlive = setInterval(() => message.working(), Math.max(1000, this.settings.ackWaitMs / 3));
    try {
      const result = await handler(data, new JetStreamContext([message]));
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      message.ack();
    } catch (error) {
      await this.handleFailure(message, error);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async handleFailure(message: JsMsg, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    const deliveries = message.info.deliveryCount;
    if (isPermanentError(error) || deliveries >= this.settings.maxDeliver) {
      await this.deadLetter(message, reason);
      return;
    }
    const delay = redeliveryDelayMs(deliveries);
    this.options.logger.warn({ subject: message.subject, deliveries, retryInMs: delay, err: reason }, 'message handler failed; will retry');
    message.nak(delay);
  }

  private async deadLetter(message: JsMsg, error: string): Promise<void> {
    const letter: DeadLetter = {
      consumer: durableName(this.options.service, message.subject),
      subject: message.subject,
      deliveries: message.info.deliveryCount,
      error,
      data: message.string().slice(0, MAX_DEAD_LETTER_DATA),
    };
    this.options.logger.error({ subject: message.subject, deliveries: letter.deliveries, err: error }, 'message dead-lettered');
    message.term(error.slice(0, 200));
    if (message.subject === DEAD_LETTER_SUBJECT) return;
    try {
      await this.nats.jetstream.publish(DEAD_LETTER_SUBJECT, JSON.stringify(letter), { msgID: `dead-${message.info.stream}-${message.seq}` });
    } catch (publishError) {
      this.options.logger.error({ err: publishError }, 'could not publish dead letter');
    }
  }
}

/** Durable consumer name: replicas of a service share it, so each message goes to one replica. */
export function durableName(service: string, subject: string): string {
  return `${service}-${subject.replace(/\.>$/, '-all').replace(/\*/g, 'any').replace(/[.>]/g, '-')}`;
}
