import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './file-mix.js';

// Printable characters with spaces and newlines, so text files read as text (and stay incompressible, like real uploads).
const TEXT_ALPHABET = Buffer.from('abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:-\n');

/** Writes planned files under `dir`: binary ones random bytes, text ones random printable characters. */
export async function writeFiles(dir: string, files: readonly PlannedFile[]): Promise<void> {
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content(file));
  }
}

function content({ bytes, content }: PlannedFile): Buffer {
  const data = randomBytes(bytes);
  if (content === 'binary') return data;
  for (let index = 0; index < data.length; index++) data[index] = TEXT_ALPHABET[data[index]! % TEXT_ALPHABET.length]!;
  return data;
}
