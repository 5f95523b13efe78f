/** One JSON object per line on stdout: the stack's log file for the local node. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export function jsonLogger(base: LogFields = {}, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const emit = (level: string, msg: string, fields?: LogFields) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...normalize(fields) })}\n`);
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => jsonLogger({ ...base, ...fields }, write),
  };
}

function normalize(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? describeError(value) : value;
  return out;
}

/** An error's message, with the API server's answer when the error came from the Kubernetes client. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const body = (err as { body?: unknown }).body;
  if (typeof body === 'string' && body.length > 0) {
    try {
      const status = JSON.parse(body) as { message?: string };
      if (status.message) return status.message;
    } catch {
      return `${err.message}: ${body.slice(0, 300)}`;
    }
  }
  return err.message;
}
