import { randomBytes } from 'node:crypto';
import { JetStreamPublisher, JetStreamServer, NatsConnectionHolder, PermanentMessageError, STREAMS, type ConsumerSettings, type DeadLetter } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { deadLettersSince } from '../../support/dead-letters.js';
import { eventually } from '../../support/eventually.js';

const logger = createLogger({ service: 'jetstream-test', level: 'silent' });
let nats: NatsConnectionHolder;
let publisher: JetStreamPublisher;
const suffix = randomBytes(3).toString('hex');
const started = new Date();

beforeAll(async () => {
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'jetstream-test', logger);
  publisher = new JetStreamPublisher(nats);
});
afterAll(async () => {
  await nats.close();
});

async function storedCount(subject: string): Promise<number> {
  const consumer = await nats.jetstream.consumers.get(STREAMS.runs.name, { filter_subjects: [subject] });
  const batch = await consumer.fetch({ max_messages: 10, expires: 1000 });
  let count = 0;
  for await (const message of batch) {
    count++;
    message.ack();
  }
  return count;
}

async function startServer(service: string, subject: string, handler: (data: unknown) => Promise<void>, settings: Partial<ConsumerSettings> = {}): Promise<JetStreamServer> {
  const server = new JetStreamServer(nats, { service, logger, settings: { maxDeliver: 3, ackWaitMs: 5000, concurrency: 2, ...settings } });
  server.addHandler(subject, async (data: unknown) => handler(data), true);
  await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
  return server;
}

async function deadLettersFor(subject: string): Promise<DeadLetter[]> {
  return (await deadLettersSince(nats, started)).filter((letter) => letter.subject === subject);
}

describe('JetStream messaging on a real NATS server', () => {
  it('stores a message published twice with the same id once', async () => {
    const subject = `restash.runs.dedupe-${suffix}`;
    const first = await publisher.publish(subject, { uid: 'abc' }, `uid-${suffix}`);
    const second = await publisher.publish(subject, { uid: 'abc' }, `uid-${suffix}`);
    expect([first.duplicate, second.duplicate]).toEqual([false, true]);
    expect(await storedCount(subject)).toBe(1);
  });

  it('redelivers a message whose handler fails, and acks it once the handler succeeds', async () => {
    const subject = `restash.runs.retry-${suffix}`;
    const seen: unknown[] = [];
    const server = await startServer(`retry-${suffix}`, subject, async (data) => {
      seen.push(data);
      if (seen.length < 3) throw new Error('transient failure');
    });
    try {
      await publisher.publish(subject, { attempt: 'x' }, `retry-${suffix}`);
      await eventually(async () => seen.length === 3, { timeoutMs: 15_000, what: 'third delivery' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(seen).toEqual([{ attempt: 'x' }, { attempt: 'x' }, { attempt: 'x' }]);
    } finally {
      await server.close();
    }
  });

  it('dead-letters malformed and oversized messages and permanent failures without retrying them', async () => {
    const subject = `restash.runs.poison-${suffix}`;
    const seen: unknown[] = [];
    const server = await startServer(`poison-${suffix}`, subject, async (data) => {
      seen.push(data);
      throw new PermanentMessageError('run request names no session');
    });
    try {
      await nats.jetstream.publish(subject, 'not json {', { msgID: `poison-a-${suffix}` });
      await publisher.publish(subject, { session: null }, `poison-b-${suffix}`);
      await publisher.publish(subject, { session: 'x'.repeat(300 * 1024) }, `poison-c-${suffix}`);
      const letters = await eventually(async () => {
        const found = await deadLettersFor(subject);
        return found.length === 3 ? found : undefined;
      }, { timeoutMs: 10_000, what: 'three dead letters' });
      expect(letters.map((l) => l.error).sort()).toEqual([
        'message body is not JSON',
        'message is 307214 bytes, over the 262144 byte limit',
        'run request names no session',
      ]);
      expect(seen).toEqual([{ session: null }]);
    } finally {
      await server.close();
    }
  });

  it('lets the server delete a durable consumer nobody pulls from once its inactivity threshold passes', async () => {
    const subject = `restash.runs.idle-${suffix}`;
    const server = await startServer(`idle-${suffix}`, subject, async () => undefined, { inactiveThresholdMs: 2000 });
    const consumerNames = async () => {
      const names: string[] = [];
      for await (const info of nats.manager.consumers.list(STREAMS.runs.name)) if (info.config.filter_subject === subject) names.push(info.name);
      return names;
    };
    expect(await consumerNames()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await consumerNames()).toHaveLength(1); // pulled from: kept
    await server.close();
    await eventually(async () => (await consumerNames()).length === 0, { timeoutMs: 20_000, what: 'the idle consumer deleted' });
  });
});
