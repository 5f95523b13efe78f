const UNIT_BYTES: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** The byte count a formatBytes text stands for ("2.567 KiB" → 2629); undefined for any other text. */
export function parseBytes(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?) (B|KiB|MiB|GiB|TiB)$/.exec(text?.trim() ?? '');
  return match ? Math.round(Number(match[1]) * UNIT_BYTES[match[2]!]!) : undefined;
}
