/**
 * Wakes whoever waits on a key when something about it changes, or after a timeout, whichever comes
 * first. Pure bookkeeping (no I/O): a watch calls `notify`, pollers `await next(key, ms)`.
 */
export class ChangeSignals {
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Resolves at the next `notify(key)`, or after `timeoutMs`. */
  next(key: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, waiters);
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0 && this.waiters.get(key) === waiters) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      waiters.add(wake);
    });
  }

  notify(key: string): void {
    for (const wake of [...(this.waiters.get(key) ?? [])]) wake();
  }

  /** Wakes every waiter (shutdown, or a watch that relisted and may have missed changes). */
  notifyAll(): void {
    for (const key of [...this.waiters.keys()]) this.notify(key);
  }
}
