const NANOSECONDS_PER_UNIT: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const TERM = /^(\d+\.?\d*|\.\d+)([^\d.]*)/;

export class InvalidDurationError extends Error {
  override name = 'InvalidDurationError';

  constructor(text: string, reason: string) {
    super(`invalid duration "${text}": ${reason} (expected e.g. "90s", "1h30m", "1.5h", "300ms")`);
  }
}

/** Parses a Go duration string (time.ParseDuration syntax) into milliseconds. */
export function parseDuration(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  let rest = /^[-+]/.test(text) ? text.slice(1) : text;
  if (rest === '0') return 0;
  if (rest === '') throw new InvalidDurationError(text, 'empty');
  let nanoseconds = 0;
  while (rest) {
    const match = TERM.exec(rest);
    if (!match) throw new InvalidDurationError(text, `expected a number at "${rest}"`);
    const [term, amount, unit] = match as unknown as [string, string, string];
    if (!unit) throw new InvalidDurationError(text, `missing unit after ${amount}`);
    const scale = NANOSECONDS_PER_UNIT[unit];
    if (scale === undefined) throw new InvalidDurationError(text, `unknown unit "${unit}" (use ns, us, ms, s, m or h)`);
    nanoseconds += Number(amount) * scale;
    rest = rest.slice(term.length);
  }
  return (sign * nanoseconds) / 1e6;
}
