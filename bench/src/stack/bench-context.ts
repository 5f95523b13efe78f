import { KubeClient } from '@restash/kube';
import { NatsConnectionHolder } from '@restash/messaging';
import { createLogger, type Logger } from '@restash/observability';
import { describeMachine } from './machine.js';

/** What every benchmark works with: the stack's API server and NATS, a quiet logger, the machine's description. */
export interface BenchContext {
  kube: KubeClient;
  nats: NatsConnectionHolder;
  logger: Logger;
  machine: string;
  /** Prints a progress line, prefixed with the benchmark's name. */
  say(bench: string, text: string): void;
}

export async function openBenchContext(): Promise<BenchContext> {
  const natsUrl = process.env['NATS_URL'];
  if (!natsUrl) throw new Error('NATS_URL is not set: start the stack with ./dev up --infra (./dev bench does it)');
  const logger = createLogger({ service: 'bench', level: 'warn' });
  const [nats, machine] = await Promise.all([NatsConnectionHolder.open(natsUrl, 'bench', logger), describeMachine()]);
  return { kube: new KubeClient(), nats, logger, machine, say: (bench, text) => console.log(`[${bench}] ${text}`) };
}
