/** Node timers overflow past ~24.8 days; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Many due times behind a single timer: entries live in a map and only the earliest one is armed.
 * A firing scans the map (O(n)), which stays cheap for thousands of batches and avoids one timer each.
 */
export class DueList {
  private readonly entries = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;

  constructor(private readonly onDue: (key: string, due: Date) => void) {}

  set(key: string, due: Date): void {
    this.entries.set(key, due.getTime());
    if (due.getTime() < this.armedFor) this.arm();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    clearTimeout(this.timer);
    this.armedFor = Infinity;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.armedFor = Infinity;
    for (const due of this.entries.values()) this.armedFor = Math.min(this.armedFor, due);
    if (this.armedFor === Infinity) return;
    const delay = Math.min(Math.max(0, this.armedFor - Date.now()), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    const now = Date.now();
    const due = [...this.entries].filter(([, at]) => at <= now);
    for (const [key] of due) this.entries.delete(key);
    for (const [key, at] of due) this.onDue(key, new Date(at));
    this.arm();
  }
}
