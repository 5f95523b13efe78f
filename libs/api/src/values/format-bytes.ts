const BINARY_UNITS = [
  ['TiB', 2 ** 40],
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
] as const;

/** A byte count in the units restic and Stash report: "512 B", "2.567 KiB", "12.560 MiB". */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of BINARY_UNITS) {
    if (bytes >= size) return `${(bytes / size).toFixed(3)} ${unit}`;
  }
  return `${Math.round(bytes)} B`;
}
