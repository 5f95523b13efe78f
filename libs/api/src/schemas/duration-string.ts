import { Type, type StringOptions } from '@sinclair/typebox';

/** Go's time.ParseDuration syntax: "0", or signed number+unit pairs such as "1h30m", "1.5s", "300ms". */
export const DURATION_PATTERN = '^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';

/** A Go-style duration string (parse it with parseDuration). */
export function DurationString(options: StringOptions = {}) {
  return Type.String({
    description: 'Go duration string, e.g. 30s, 1h30m',
    ...options,
    pattern: DURATION_PATTERN,
  });
}
