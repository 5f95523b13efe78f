/** A file of the benchmark's data: where, how big, and whether it reads as text or as binary. */
export interface PlannedFile {
  path: string;
  bytes: number;
  content: 'binary' | 'text';
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** Sizes as a volume of user files has them: mostly small files, some medium, a few large ones holding much of the bytes. */
const SIZE_CLASSES = [
  { share: 0.7, min: 1 * KiB, max: 64 * KiB, dir: 'small' },
  { share: 0.27, min: 64 * KiB, max: 4 * MiB, dir: 'medium' },
  { share: 0.03, min: 8 * MiB, max: 64 * MiB, dir: 'large' },
] as const;

/** Pure: a deterministic PRNG (mulberry32), so the same seed plans the same files. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Pure: files of mixed sizes, about half of them text, adding up to exactly `totalBytes`. */
export function planFileMix(totalBytes: number, seed: number): PlannedFile[] {
  const random = seededRandom(seed);
  const files: PlannedFile[] = [];
  let planned = 0;
  while (planned < totalBytes) {
    const sizeClass = pickClass(random());
    const wanted = Math.round(sizeClass.min + random() * (sizeClass.max - sizeClass.min));
    const bytes = Math.min(wanted, totalBytes - planned);
    const content = random() < 0.5 ? 'text' : 'binary';
    files.push({ path: `${sizeClass.dir}/${String(files.length).padStart(5, '0')}.${content === 'text' ? 'txt' : 'bin'}`, bytes, content });
    planned += bytes;
  }
  return files;
}

function pickClass(draw: number): (typeof SIZE_CLASSES)[number] {
  let cumulative = 0;
  for (const sizeClass of SIZE_CLASSES) {
    cumulative += sizeClass.share;
    if (draw < cumulative) return sizeClass;
  }
  return SIZE_CLASSES[SIZE_CLASSES.length - 1]!;
}
