/** Wrong usage: unknown command or option, missing argument. Exit code 2, with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command could not do its work (object not found, API refused, restic failed). Exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
