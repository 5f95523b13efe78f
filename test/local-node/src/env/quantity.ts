const binarySuffixes: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimalSuffixes: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes resource quantity ("500m", "2Gi", "1e3") as a number of base units. */
export function parseQuantity(quantity: string | number): number {
  if (typeof quantity === 'number') return quantity;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) throw new Error(`invalid quantity ${JSON.stringify(quantity)}`);
  const [, number, suffix] = match as unknown as [string, string, string];
  const factor = binarySuffixes[suffix] ?? decimalSuffixes[suffix];
  if (factor === undefined) throw new Error(`invalid quantity suffix in ${JSON.stringify(quantity)}`);
  return Number(number) * factor;
}
