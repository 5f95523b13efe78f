import { constants } from 'node:os';

const ERRNO_NAMES = new Map(Object.entries(constants.errno).map(([name, number]) => [number, name]));

interface JsonErrorLine {
  message_type: 'error';
  error?: unknown;
  during?: string;
  item?: string;
}

/**
 * Pure: restic's stderr made readable. With --json, restic 0.14 writes per-file errors to stderr as
 * JSON lines whose `error` is a serialized Go error ({"Op","Path","Err": errno}); they become
 * "archival /path: open: EACCES". Other lines are kept as they are.
 */
export function describeResticStderr(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .map((line) => {
      const error = parseErrorLine(line);
      return error ? describeErrorLine(error) : line;
    })
    .join('\n');
}

function parseErrorLine(line: string): JsonErrorLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as Partial<JsonErrorLine>;
    return value.message_type === 'error' ? (value as JsonErrorLine) : undefined;
  } catch {
    return undefined;
  }
}

function describeErrorLine({ error, during, item }: JsonErrorLine): string {
  const cause = describeGoError(error);
  return [during, item && `${item}:`, cause || 'error'].filter(Boolean).join(' ');
}

function describeGoError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'number') return ERRNO_NAMES.get(error) ?? `errno ${error}`;
  if (!error || typeof error !== 'object') return '';
  const { Op, Err, message } = error as { Op?: unknown; Err?: unknown; message?: unknown };
  if (typeof message === 'string') return message;
  const cause = describeGoError(Err);
  const op = typeof Op === 'string' ? Op : undefined;
  return op && cause ? `${op}: ${cause}` : (op ?? cause);
}
