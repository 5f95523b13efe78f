/** When a batch runs: a sequence of slots, the same on every replica. */
export abstract class Schedule {
  /** The schedule as the user wrote it. */
  abstract readonly text: string;

  /** The first slot strictly after `after`. */
  abstract nextSlot(after: Date): Date;

  /** The slots in (from, to], oldest first. */
  slotsBetween(from: Date, to: Date): Date[] {
    const slots: Date[] = [];
    for (let slot = this.nextSlot(from); slot <= to; slot = this.nextSlot(slot)) slots.push(slot);
    return slots;
  }
}
