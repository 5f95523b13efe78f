export const initialRestartDelayMs = 1_000;
export const maxRestartDelayMs = 10_000;

/** The kubelet's crash-loop back-off, shortened for the stack: 1 s doubling per restart, capped at 10 s. */
export function restartDelayMs(restartCount: number): number {
  return Math.min(initialRestartDelayMs * 2 ** Math.max(0, restartCount), maxRestartDelayMs);
}
