import { nanos } from '@nats-io/nats-core';
import type { StreamConfig } from '@nats-io/jetstream';

/** The JetStream streams restash uses and the subjects each one captures. */
export const STREAMS = {
  /** Run requests: scheduler → executor, executor → agents. */
  runs: { name: 'RESTASH_RUNS', subjects: ['restash.runs.>'] },
  /** Results, progress and conditions: executor/agents/injector → status service. */
  status: { name: 'RESTASH_STATUS', subjects: ['restash.status.>'] },
} as const;

/** Publishes with the same message id inside this window are stored once. */
export const DUPLICATE_WINDOW_MS = 30 * 60 * 1000;
/** How long the streams keep a message. */
export const STREAM_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export function streamConfig(stream: (typeof STREAMS)[keyof typeof STREAMS]): Partial<StreamConfig> & { name: string } {
  return {
    name: stream.name,
    subjects: [...stream.subjects],
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(STREAM_MAX_AGE_MS),
  };
}

/** The stream that stores a subject, by the streams' wildcard prefixes. */
export function streamForSubject(subject: string): string {
  for (const stream of Object.values(STREAMS)) {
    if (stream.subjects.some((pattern) => subject.startsWith(pattern.replace(/>$/, '')))) return stream.name;
  }
  throw new Error(`no JetStream stream captures subject ${subject}`);
}
