import { pino, type Logger, type LoggerOptions } from 'pino';
import { secretScrubber } from './secret-scrubber.js';

export type { Logger } from 'pino';

/** Field names whose values are secrets wherever they appear in a log record. */
const REDACTED_PATHS = [
  'password', '*.password', 'RESTIC_PASSWORD', '*.RESTIC_PASSWORD', 'token', '*.token',
  'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret', 'env', '*.env',
  'AWS_SECRET_ACCESS_KEY', '*.AWS_SECRET_ACCESS_KEY', 'AZURE_ACCOUNT_KEY', '*.AZURE_ACCOUNT_KEY',
  'B2_ACCOUNT_KEY', '*.B2_ACCOUNT_KEY', 'GOOGLE_SERVICE_ACCOUNT_JSON_KEY', '*.GOOGLE_SERVICE_ACCOUNT_JSON_KEY',
  'REST_SERVER_PASSWORD', '*.REST_SERVER_PASSWORD',
];

export interface LoggerSettings {
  service: string;
  level?: string;
  instanceId?: string;
  destination?: NodeJS.WritableStream;
}

/** JSON logs with the service name on every line; known secret fields and values are redacted. */
export function createLogger({ service, level = 'info', instanceId, destination }: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level,
    base: { service, instance: instanceId },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: (record) => secretScrubber.scrubValue(record) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? secretScrubber.scrub(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
