/** Exponential back-off for a redelivered message: 1 s, 2 s, 4 s … capped. */
export function redeliveryDelayMs(deliveryCount: number, capMs = 30_000): number {
  return Math.min(capMs, 1000 * 2 ** Math.max(0, deliveryCount - 1));
}
