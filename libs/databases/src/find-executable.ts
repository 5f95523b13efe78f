import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export class ToolNotFoundError extends Error {
  override readonly name = 'ToolNotFoundError';
}

/** The first of the candidates that is an executable on PATH (or, given with a slash, at that path). */
export async function findExecutable(candidates: string[], path = process.env['PATH'] ?? ''): Promise<string> {
  for (const candidate of candidates) {
    const places = candidate.includes('/')
      ? [candidate]
      : path
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, candidate));
    for (const place of places) {
      if (await isExecutable(place)) return place;
    }
  }
  throw new ToolNotFoundError(`none of ${candidates.join(', ')} is installed (searched PATH)`);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
