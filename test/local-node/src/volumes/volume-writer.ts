import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { VolumeFile } from './volume-files.js';

/** Writes a volume's files in place (each atomically), so bind mounts of the directory see the new contents. */
export async function writeVolumeFiles(dir: string, files: readonly VolumeFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, file.content, { mode: file.mode });
    await chmod(tmp, file.mode);
    await rename(tmp, path);
  }
}
