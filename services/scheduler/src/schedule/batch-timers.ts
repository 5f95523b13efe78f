import { DueList } from './due-list.js';
import type { Schedule } from './schedule.js';

/** One timer per schedulable batch, all behind a single DueList: `onSlot(batchKey, slot)` at each slot. */
export class BatchTimers {
  private readonly schedules = new Map<string, Schedule>();
  private readonly due = new DueList((key, slot) => this.fire(key, slot));

  constructor(private readonly onSlot: (batchKey: string, slot: Date) => void) {}

  /** Starts, replaces or (without a schedule) stops a batch's timer; an unchanged schedule keeps its timer. */
  set(batchKey: string, schedule: Schedule | undefined): void {
    if (!schedule) {
      this.schedules.delete(batchKey);
      this.due.delete(batchKey);
      return;
    }
    if (this.schedules.get(batchKey)?.text === schedule.text) return;
    this.schedules.set(batchKey, schedule);
    this.due.set(batchKey, schedule.nextSlot(new Date()));
  }

  has(batchKey: string): boolean {
    return this.schedules.has(batchKey);
  }

  get size(): number {
    return this.schedules.size;
  }

  clear(): void {
    this.schedules.clear();
    this.due.clear();
  }

  private fire(batchKey: string, slot: Date): void {
    const schedule = this.schedules.get(batchKey);
    if (!schedule) return;
    // Asked from the slot, so batches firing together share one answer; after a stall, skip to the
    // future rather than firing every slot that passed meanwhile.
    const next = schedule.nextSlot(slot);
    this.due.set(batchKey, next.getTime() > Date.now() ? next : schedule.nextSlot(new Date()));
    this.onSlot(batchKey, slot);
  }
}
