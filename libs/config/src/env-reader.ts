import { accessSync, constants } from 'node:fs';

/** Thrown when the environment does not describe a usable configuration; the message says what to set. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Typed access to environment variables with errors that name the variable and the expected form. */
export class EnvReader {
  constructor(private readonly env: Env = process.env) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${name} is not set`);
  }

  optionalString(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }

  integer(name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name}=${raw} is not an integer between ${min} and ${max}`);
    }
    return value;
  }

  /** A path to a file this process must read (a CA, a certificate, a key): unset → undefined, unreadable → an error naming the variable. */
  readableFile(name: string): string | undefined {
    const path = this.optionalString(name);
    if (!path) return undefined;
    try {
      accessSync(path, constants.R_OK);
    } catch (error) {
      throw new ConfigError(`${name}=${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return path;
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const raw = this.string(name, fallback);
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`${name} is not a URL (expected ${protocols.map((p) => `${p}//host:port`).join(' or ')})`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
    }
    return raw;
  }
}
