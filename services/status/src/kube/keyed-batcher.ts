/** How one item of a batch ended. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Handles one key's batch: a result per item, in order; a rejection fails every item of the batch. */
export type FlushBatch<Item, Result> = (key: string, items: Item[]) => Promise<Array<Settled<Result>>>;

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

interface KeyState<Item, Result> {
  pending: Array<Waiting<Item, Result>>;
  timer?: NodeJS.Timeout;
  flushing: boolean;
}

/**
 * Hands work over per key in batches. A key's first item waits `lingerMs` for others to join it; items
 * that arrive while the key's batch is being flushed go into the next batch, flushed as soon as that one
 * is done. A key's flushes never overlap (one process never races itself on an object); different keys
 * flush concurrently.
 */
export class KeyedBatcher<Item, Result> {
  private readonly keys = new Map<string, KeyState<Item, Result>>();

  constructor(
    private readonly flush: FlushBatch<Item, Result>,
    private readonly lingerMs: number,
  ) {}

  add(key: string, item: Item): Promise<Result> {
    const state = this.keys.get(key) ?? { pending: [], flushing: false };
    this.keys.set(key, state);
    return new Promise<Result>((resolve, reject) => {
      state.pending.push({ item, resolve, reject });
      if (!state.flushing && !state.timer) state.timer = setTimeout(() => void this.run(key, state), this.lingerMs);
    });
  }

  /** Keys with work waiting or being flushed (for tests and diagnostics). */
  get size(): number {
    return this.keys.size;
  }

  private async run(key: string, state: KeyState<Item, Result>): Promise<void> {
    state.timer = undefined;
    state.flushing = true;
    const batch = state.pending.splice(0);
    try {
      const results = await this.flush(key, batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => settle(waiting, results[index] ?? { ok: false, error: new Error('no result for a batched item') }));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
    state.flushing = false;
    if (state.pending.length > 0) void this.run(key, state);
    else this.keys.delete(key);
  }
}

function settle<Item, Result>(waiting: Waiting<Item, Result>, result: Settled<Result>): void {
  if (result.ok) waiting.resolve(result.value);
  else waiting.reject(result.error);
}
