const MIN_SECRET_LENGTH = 4;
const REPLACEMENT = '[REDACTED]';

/**
 * Remembers secret values this process has read (passwords, tokens, keys) and removes them from
 * any text before it is logged or written into a status, wherever in the text they appear.
 */
export class SecretScrubber {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  remember(...values: Array<string | undefined>): void {
    let changed = false;
    for (const value of values) {
      if (value && value.length >= MIN_SECRET_LENGTH && !this.secrets.has(value)) {
        this.secrets.add(value);
        changed = true;
      }
    }
    if (changed) this.pattern = undefined;
  }

  scrub(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp([...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
    return text.replace(this.pattern, REPLACEMENT);
  }

  /** Deep copy of a log record with every string scrubbed. */
  scrubValue<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    return this.scrubAny(value, 0) as T;
  }

  private scrubAny(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (depth > 8 || value === null || typeof value !== 'object') return value;
    if (value instanceof Error) return { type: value.name, message: this.scrub(value.message), stack: value.stack && this.scrub(value.stack) };
    if (Array.isArray(value)) return value.map((item) => this.scrubAny(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.scrubAny(item, depth + 1)]));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The process-wide scrubber: every component that reads a secret registers it here. */
export const secretScrubber = new SecretScrubber();
