/** `<namespace>/<batch>@<unix seconds>`: one slot of one batch, as a work-queue key. */
export function slotKey(batchKey: string, slot: Date): string {
  return `${batchKey}@${Math.floor(slot.getTime() / 1000)}`;
}

export function parseSlotKey(key: string): { batchKey: string; slot: Date } {
  const at = key.lastIndexOf('@');
  return { batchKey: key.slice(0, at), slot: new Date(Number(key.slice(at + 1)) * 1000) };
}
