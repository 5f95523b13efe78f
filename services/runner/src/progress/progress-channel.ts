import { backupProgressId, SUBJECTS, type BackupProgressEvent } from '@restash/events';
import type { NatsTransport } from '@restash/config';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging/nats';
import type { Logger } from '@restash/observability';

const CLOSE_WAIT_MS = 5000;

/**
 * Best-effort progress publishing for a one-shot runner: connects on first use and keeps the
 * connection for the run; an event that cannot be published is dropped (the backup goes on).
 */
export class ProgressChannel {
  private publisher: Promise<JetStreamPublisher | undefined> | undefined;
  private nats: NatsConnectionHolder | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private warned = false;

  constructor(
    private readonly transport: NatsTransport,
    private readonly client: string,
    private readonly logger: Logger,
  ) {}

  readonly send = (event: BackupProgressEvent): void => {
    const publishing = this.publish(event).finally(() => this.inFlight.delete(publishing));
    this.inFlight.add(publishing);
  };

  /** Lets the last events out (briefly), then closes the connection. */
  async close(): Promise<void> {
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    await this.nats?.close().catch(() => undefined);
  }

  private async publish(event: BackupProgressEvent): Promise<void> {
    try {
      const publisher = await (this.publisher ??= this.connect());
      await publisher?.publish(SUBJECTS.backupProgress, event, backupProgressId(event));
    } catch (error) {
      this.warnOnce(error);
    }
  }

  private async connect(): Promise<JetStreamPublisher | undefined> {
    try {
      this.nats = await NatsConnectionHolder.open(this.transport, this.client, this.logger);
      return new JetStreamPublisher(this.nats);
    } catch (error) {
      this.warnOnce(error);
      return undefined;
    }
  }

  private warnOnce(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn({ err: error }, 'backup progress not published; the backup goes on');
  }
}
