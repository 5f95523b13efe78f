/** Polls `probe` until it returns a value other than undefined/false, or fails with the last error. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, { timeoutMs = 30_000, intervalMs = 200, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`${what} not reached within ${timeoutMs} ms${detail}`);
}
